package io.jenkins.plugins.devspacebuild.cluster;

import io.jenkins.plugins.devspacebuild.util.BoundedFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The secrets an explicit kubeconfig holds, so that the engine masks them wherever a string leaves it: every user's
 * {@code token}, {@code password}, {@code client-key-data} (and the decoded key's lines), and the values of its
 * auth-provider configuration and exec environment whose names mention a token, secret or password. A kubeconfig that
 * cannot be read gives none (connecting to the cluster reports that).
 */
public final class KubeconfigSecrets {
    private static final Set<String> SECRET_FIELDS = Set.of("token", "password", "client-key-data");

    private KubeconfigSecrets() {
    }

    /** The secrets of the kubeconfig of these settings (its content, or its file), if an explicit one is given. */
    public static List<String> of(ClusterSettings settings) {
        if (settings.kubeconfigContent() != null) {
            return of(settings.kubeconfigContent().reveal());
        }
        if (settings.kubeconfigFile() != null) {
            try {
                // bounded and regular files only: ClusterAccess reports what is wrong with the file when it is used
                return of(BoundedFiles.readString(settings.kubeconfigFile(), BoundedFiles.KUBECONFIG_LIMIT, "the kubeconfig"));
            } catch (IOException | RuntimeException e) {
                return List.of();
            }
        }
        return List.of();
    }

    /** The secrets of a kubeconfig's text. */
    public static List<String> of(String kubeconfig) {
        Set<String> out = new LinkedHashSet<>();
        try {
            Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(kubeconfig);
            if (root instanceof Map<?, ?> m && m.get("users") instanceof List<?> users) {
                for (Object u : users) {
                    if (u instanceof Map<?, ?> entry && entry.get("user") instanceof Map<?, ?> user) {
                        collect(user, out);
                    }
                }
            }
        } catch (RuntimeException e) {
            return List.of();
        }
        return new ArrayList<>(out);
    }

    private static void collect(Map<?, ?> user, Set<String> out) {
        for (Map.Entry<?, ?> e : user.entrySet()) {
            String key = String.valueOf(e.getKey()).toLowerCase(Locale.ROOT);
            Object value = e.getValue();
            if (value instanceof String s && !s.isBlank() && (SECRET_FIELDS.contains(key) || secretName(key))) {
                out.add(s);
                if (key.equals("client-key-data")) {
                    decodedLines(s, out);
                }
            } else if (value instanceof Map<?, ?> nested) {
                collect(nested, out);
            } else if (value instanceof List<?> list && key.equals("env")) {
                for (Object item : list) {
                    if (item instanceof Map<?, ?> env && secretName(String.valueOf(env.get("name")).toLowerCase(Locale.ROOT))
                            && env.get("value") instanceof String v && !v.isBlank()) {
                        out.add(v);
                    }
                }
            }
        }
    }

    private static boolean secretName(String key) {
        return key.contains("token") || key.contains("secret") || key.contains("password");
    }

    /** The lines of a base64-encoded PEM key, each of which would give the key away. */
    private static void decodedLines(String base64, Set<String> out) {
        try {
            String pem = new String(Base64.getDecoder().decode(base64.strip()), StandardCharsets.UTF_8);
            for (String line : pem.split("\\R")) {
                if (!line.isBlank() && !line.startsWith("-----")) {
                    out.add(line.strip());
                }
            }
        } catch (IllegalArgumentException ignored) {
            // not base64: the value itself is masked
        }
    }
}
