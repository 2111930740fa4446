package io.jenkins.plugins.devspacebuild.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The kube context and namespace DevSpace would use, for {@code DEVSPACE_CONTEXT} and {@code DEVSPACE_NAMESPACE}:
 * {@code current-context} of the first kubeconfig ({@code KUBECONFIG} of the build's environment, else
 * {@code ~/.kube/config}) and that context's namespace. Read only when a config uses them; empty without a kubeconfig,
 * as DevSpace without a cluster.
 */
final class KubeContext implements PredefinedVariables.KubeInfo {
    private static final long MAX_BYTES = 4L * 1024 * 1024;
    private final Map<String, String> environment;
    private boolean read;
    private String context;
    private String namespace;

    private KubeContext(Map<String, String> environment) {
        this.environment = environment;
    }

    static PredefinedVariables.KubeInfo lookup(Map<String, String> environment) {
        return new KubeContext(environment);
    }

    @Override
    public synchronized Optional<String> context() {
        readOnce();
        return Optional.ofNullable(context);
    }

    @Override
    public synchronized Optional<String> namespace() {
        readOnce();
        return Optional.ofNullable(namespace);
    }

    private void readOnce() {
        if (read) {
            return;
        }
        read = true;
        String list = environment.get("KUBECONFIG");
        String home = environment.getOrDefault("HOME", System.getProperty("user.home", ""));
        Path file = list != null && !list.isBlank() ? Path.of(list.split(java.io.File.pathSeparator)[0]) : Path.of(home, ".kube", "config");
        try {
            if (!Files.isRegularFile(file) || Files.size(file) > MAX_BYTES) {
                return;
            }
            Object doc;
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(r);
            }
            if (doc instanceof Map<?, ?> m && m.get("current-context") instanceof String current) {
                context = current;
                if (m.get("contexts") instanceof List<?> contexts) {
                    for (Object c : contexts) {
                        if (c instanceof Map<?, ?> cm && current.equals(cm.get("name")) && cm.get("context") instanceof Map<?, ?> ctx
                                && ctx.get("namespace") instanceof String ns) {
                            namespace = ns;
                        }
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // an unreadable kubeconfig: no values, as DevSpace without a cluster
        }
    }
}
