package io.jenkins.plugins.devspacebuild.jenkins;

import io.jenkins.plugins.devspacebuild.event.MaskingEventSink;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Every secret of one devspaceBuild call: the registry passwords and the kubeconfig credential with the secrets inside
 * it (tokens, passwords, client keys, also base64-decoded). They are handed to the engine's masking boundary on the
 * agent, and the plugin masks with them every string it makes itself (the step's error, the rows saved with the build).
 * {@link #toString()} shows none of them. Travels to the agent inside {@link AgentBuild}, which is encrypted in transit
 * only as far as the remoting channel is.
 */
final class StepSecrets implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final Set<String> SECRET_KEYS = Set.of("token", "password", "client-key-data", "access-token", "id-token",
            "refresh-token", "client-secret", "secret");

    private final ArrayList<String> values;

    private StepSecrets(Collection<String> values) {
        this.values = new ArrayList<>(values);
    }

    static StepSecrets of(List<AgentCredential> credentials, String kubeconfig) {
        Set<String> v = new LinkedHashSet<>();
        credentials.forEach(c -> v.add(c.password.getPlainText()));
        if (kubeconfig != null) {
            v.add(kubeconfig);
            v.addAll(kubeconfigSecrets(kubeconfig));
        }
        v.removeIf(s -> s == null || s.isBlank());
        return new StepSecrets(v);
    }

    /** The values of secret-looking keys anywhere in a kubeconfig; nothing when it is not YAML. */
    static List<String> kubeconfigSecrets(String kubeconfig) {
        List<String> out = new ArrayList<>();
        try {
            collect(new Yaml(new SafeConstructor(new LoaderOptions())).load(kubeconfig), out);
        } catch (RuntimeException notYaml) {
            // the engine reports a kubeconfig it cannot read; the whole content is masked anyway
        }
        return out;
    }

    private static void collect(Object node, List<String> out) {
        if (node instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (e.getValue() instanceof String s && SECRET_KEYS.contains(String.valueOf(e.getKey()))) {
                    out.add(s);
                    if (String.valueOf(e.getKey()).endsWith("-data")) {
                        decoded(s, out);
                    }
                } else {
                    collect(e.getValue(), out);
                }
            }
        } else if (node instanceof List<?> l) {
            l.forEach(n -> collect(n, out));
        }
    }

    /** A base64 client key, decoded: its PEM lines are what a tool would print. */
    private static void decoded(String base64, List<String> out) {
        try {
            String pem = new String(Base64.getMimeDecoder().decode(base64), StandardCharsets.UTF_8);
            out.add(pem.strip());
            pem.lines().map(String::strip).filter(l -> l.length() >= 16 && !l.startsWith("-----")).forEach(out::add);
        } catch (IllegalArgumentException notBase64) {
            // only the value itself
        }
    }

    List<String> values() {
        return List.copyOf(values);
    }

    /** Masks with the engine's rules (the same boundary the agent's events go through). */
    UnaryOperator<String> masker() {
        MaskingEventSink masking = new MaskingEventSink(event -> { }, values);
        return masking::mask;
    }

    @Override
    public String toString() {
        return "StepSecrets[" + values.size() + " secrets]";
    }
}
