package io.jenkins.plugins.devspacebuild.cluster;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.jenkins.plugins.devspacebuild.config.ConfigException;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import io.jenkins.plugins.devspacebuild.util.BoundedFiles;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the cluster, in this order: the explicit kubeconfig (file or content), the build's {@code KUBECONFIG} (its
 * first file), {@code ~/.kube/config}, and the in-cluster service account ({@code KUBERNETES_SERVICE_HOST} and the
 * mounted token). Only the build's environment is read, never the JVM's. Nothing is sent to the cluster here.
 */
public final class ClusterAccess {
    static final String SERVICE_ACCOUNT_DIR = "/var/run/secrets/kubernetes.io/serviceaccount";

    private ClusterAccess() {
    }

    /** The configured cluster, or empty when there is none; a broken explicit configuration is an error. */
    public static Optional<ClusterConnection> connect(ClusterSettings settings, Map<String, String> env) throws ConfigException {
        return connect(settings, env, Path.of(SERVICE_ACCOUNT_DIR));
    }

    static Optional<ClusterConnection> connect(ClusterSettings settings, Map<String, String> env, Path serviceAccountDir) throws ConfigException {
        Config config;
        String source;
        if (settings.kubeconfigContent() != null) {
            config = fromKubeconfig(settings.kubeconfigContent().reveal(), null, settings.context(), "the kubeconfig credential");
            source = "the kubeconfig credential";
        } else if (settings.kubeconfigFile() != null) {
            config = fromFile(settings.kubeconfigFile(), settings.context(), "--kubeconfig");
            source = settings.kubeconfigFile().toString();
        } else if (env.get("KUBECONFIG") != null && !env.get("KUBECONFIG").isBlank()) {
            Path file = Path.of(env.get("KUBECONFIG").split(File.pathSeparator)[0]);
            config = fromFile(file, settings.context(), "KUBECONFIG");
            source = file + " (KUBECONFIG)";
        } else if (home(env).map(h -> Files.isRegularFile(h.resolve(".kube/config"))).orElse(false)) {
            Path file = home(env).orElseThrow().resolve(".kube/config");
            config = fromFile(file, settings.context(), "~/.kube/config");
            source = file.toString();
        } else if (env.containsKey("KUBERNETES_SERVICE_HOST") && Files.isRegularFile(serviceAccountDir.resolve("token"))) {
            config = inCluster(env, serviceAccountDir);
            source = "the in-cluster service account";
        } else {
            return Optional.empty();
        }
        String ns = settings.namespace() != null ? settings.namespace() : config.getNamespace() != null ? config.getNamespace() : "default";
        config.setNamespace(ns);
        try {
            return Optional.of(new ClusterConnection(new KubernetesClientBuilder().withConfig(config).build(), ns, source,
                    settings.serviceAccounts()));
        } catch (KubernetesClientException e) {
            throw new ConfigException("the cluster configuration from " + source + " cannot be used (" + firstLine(e.getMessage())
                    + (e.getCause() == null ? "" : ": " + firstLine(e.getCause().getMessage())) + ")");
        }
    }

    private static Optional<Path> home(Map<String, String> env) {
        String h = env.getOrDefault("HOME", "");
        return h.isBlank() ? Optional.empty() : Optional.of(Path.of(h));
    }

    private static Config fromFile(Path file, String context, String what) throws ConfigException {
        String content;
        try {
            content = BoundedFiles.readString(file, BoundedFiles.KUBECONFIG_LIMIT, "the kubeconfig");
        } catch (BoundedFiles.UnreadableFileException e) {
            throw new ConfigException(what + ": " + e.getMessage());
        } catch (IOException e) {
            throw new ConfigException(what + ": the kubeconfig " + file + " cannot be read (" + e.getClass().getSimpleName()
                    + "); point it at a readable kubeconfig");
        }
        return fromKubeconfig(content, file, context, what + " (" + file + ")");
    }

    private static Config fromKubeconfig(String content, Path file, String context, String what) throws ConfigException {
        try {
            Config c = Config.fromKubeconfig(context, content, file == null ? null : file.toString());
            if (c.getMasterUrl() == null || c.getMasterUrl().isBlank()) {
                throw new ConfigException(what + ": the kubeconfig names no server for context " + (context == null ? "(current)" : context));
            }
            return c;
        } catch (RuntimeException e) {
            throw new ConfigException(what + ": the kubeconfig cannot be used" + (context == null ? "" : " with context '" + context + "'") + " ("
                    + firstLine(e.getMessage()) + "); check it with kubectl config view");
        }
    }

    private static Config inCluster(Map<String, String> env, Path dir) throws ConfigException {
        try {
            String host = env.get("KUBERNETES_SERVICE_HOST");
            String port = env.getOrDefault("KUBERNETES_SERVICE_PORT", "443");
            String token = Files.readString(dir.resolve("token"), StandardCharsets.UTF_8).trim();
            Path ns = dir.resolve("namespace");
            ConfigBuilder b = new ConfigBuilder(Config.empty()).withMasterUrl("https://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port)
                    .withOauthToken(token);
            if (Files.isRegularFile(dir.resolve("ca.crt"))) {
                b.withCaCertFile(dir.resolve("ca.crt").toString());
            }
            if (Files.isRegularFile(ns)) {
                b.withNamespace(Files.readString(ns, StandardCharsets.UTF_8).trim());
            }
            return b.build();
        } catch (IOException e) {
            throw new ConfigException("the in-cluster service account cannot be read (" + e.getMessage() + ")");
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "invalid";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
