package io.jenkins.plugins.devspacebuild.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Which kube context a run uses and whether it is a {@link LocalCluster}, read from the kubeconfig without contacting
 * the cluster: the explicit kubeconfig of {@link ClusterSettings}, else the files of the build's {@code KUBECONFIG}
 * (the first that names a current context), else {@code ~/.kube/config}; the context is the settings' one or the
 * file's {@code current-context}.
 */
public final class KubeContexts {

    /** Kubeconfig extension provider that minikube writes on its clusters. */
    static final String MINIKUBE_PROVIDER = "minikube.sigs.k8s.io";

    private KubeContexts() {
    }

    public static Optional<LocalCluster> localCluster(ClusterSettings settings, Map<String, String> environment) {
        for (Map<String, Object> config : kubeconfigs(settings, environment)) {
            String context = settings.context() != null ? settings.context() : string(config.get("current-context"));
            if (context != null && !context.isEmpty()) {
                return LocalCluster.of(context, hasMinikubeProvider(config, context));
            }
        }
        return settings.context() != null ? LocalCluster.of(settings.context(), false) : Optional.empty();
    }

    private static List<Map<String, Object>> kubeconfigs(ClusterSettings settings, Map<String, String> env) {
        List<Map<String, Object>> out = new ArrayList<>();
        if (settings.kubeconfigContent() != null) {
            parse(settings.kubeconfigContent().reveal()).ifPresent(out::add);
            return out;
        }
        List<Path> files = new ArrayList<>();
        if (settings.kubeconfigFile() != null) {
            files.add(settings.kubeconfigFile());
        } else if (env.get("KUBECONFIG") != null && !env.get("KUBECONFIG").isBlank()) {
            for (String f : env.get("KUBECONFIG").split(java.io.File.pathSeparator)) {
                if (!f.isBlank()) {
                    files.add(Path.of(f));
                }
            }
        } else if (env.get("HOME") != null) {
            files.add(Path.of(env.get("HOME"), ".kube", "config"));
        }
        for (Path f : files) {
            try {
                parse(Files.readString(f, StandardCharsets.UTF_8)).ifPresent(out::add);
            } catch (IOException unreadable) {
                // kubectl skips missing files too
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    static Optional<Map<String, Object>> parse(String text) {
        try {
            Object o = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
            return o instanceof Map<?, ?> m ? Optional.of((Map<String, Object>) m) : Optional.empty();
        } catch (RuntimeException notYaml) {
            return Optional.empty();
        }
    }

    /** Whether the context's cluster has {@code extensions: [{name: ..., extension: {provider: minikube.sigs.k8s.io}}]}. */
    static boolean hasMinikubeProvider(Map<String, Object> config, String context) {
        String cluster = null;
        for (Map<?, ?> c : maps(config.get("contexts"))) {
            if (context.equals(string(c.get("name"))) && c.get("context") instanceof Map<?, ?> ctx) {
                cluster = string(ctx.get("cluster"));
            }
        }
        for (Map<?, ?> c : maps(config.get("clusters"))) {
            if (cluster != null && cluster.equals(string(c.get("name"))) && c.get("cluster") instanceof Map<?, ?> body) {
                for (Map<?, ?> ext : maps(body.get("extensions"))) {
                    if (ext.get("extension") instanceof Map<?, ?> e && MINIKUBE_PROVIDER.equals(string(e.get("provider")))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static List<Map<?, ?>> maps(Object list) {
        List<Map<?, ?>> out = new ArrayList<>();
        if (list instanceof List<?> l) {
            for (Object o : l) {
                if (o instanceof Map<?, ?> m) {
                    out.add(m);
                }
            }
        }
        return out;
    }

    private static String string(Object o) {
        return o == null ? null : o.toString();
    }
}
