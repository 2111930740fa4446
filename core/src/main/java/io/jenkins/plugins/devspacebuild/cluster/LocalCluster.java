package io.jenkins.plugins.devspacebuild.cluster;

import java.util.List;
import java.util.Optional;

/**
 * A Kubernetes cluster running on this machine, recognised from the kube context as DevSpace recognises it
 * ({@code minikube}, or a context whose cluster carries minikube's {@code provider: minikube.sigs.k8s.io} extension;
 * {@code kind-<name>}; {@code docker-desktop} and {@code docker-for-desktop}; the same behind a {@code vcluster_...}
 * context), plus k3d ({@code k3d-<name>}), which DevSpace does not recognise. Such a cluster gets its images without a
 * registry: from the shared daemon (Docker Desktop), minikube's own daemon, or loaded into its nodes (kind, k3d).
 *
 * @param kind    which local cluster
 * @param context the kube context
 * @param name    the cluster's name for its tool ({@code kind load --name}, {@code k3d image import --cluster}), or null
 */
public record LocalCluster(Kind kind, String context, String name) {

    public enum Kind {
        MINIKUBE("minikube"), KIND("kind"), DOCKER_DESKTOP("Docker Desktop"), K3D("k3d");

        private final String display;

        Kind(String display) {
            this.display = display;
        }

        public String display() {
            return display;
        }
    }

    private static final String VCLUSTER = "vcluster_";

    /**
     * The local cluster a context names, if any.
     *
     * @param minikubeProvider whether the context's cluster has minikube's provider extension
     */
    public static Optional<LocalCluster> of(String context, boolean minikubeProvider) {
        if (context == null || context.isEmpty()) {
            return Optional.empty();
        }
        boolean vcluster = context.contains(VCLUSTER);
        if (context.equals("minikube") || minikubeProvider || (vcluster && context.endsWith("minikube"))) {
            return Optional.of(new LocalCluster(Kind.MINIKUBE, context, null));
        }
        if (context.startsWith("kind-")) {
            return Optional.of(new LocalCluster(Kind.KIND, context, context.substring("kind-".length())));
        }
        if (context.equals("docker-desktop") || context.equals("docker-for-desktop")
                || (vcluster && (context.endsWith("docker-desktop") || context.endsWith("docker-for-desktop")))) {
            return Optional.of(new LocalCluster(Kind.DOCKER_DESKTOP, context, null));
        }
        if (vcluster && context.contains("kind-")) {
            // vcluster_<name>_<namespace>_kind-<cluster>: images go to the host kind cluster
            return Optional.of(new LocalCluster(Kind.KIND, context, context.substring(context.lastIndexOf("kind-") + "kind-".length())));
        }
        if (context.startsWith("k3d-")) {
            return Optional.of(new LocalCluster(Kind.K3D, context, context.substring("k3d-".length())));
        }
        return Optional.empty();
    }

    /** The command that makes built images available in the cluster's nodes, or an empty list when nothing is needed. */
    public List<String> loadCommand(List<String> references) {
        return switch (kind) {
            case KIND -> concat(List.of("kind", "load", "docker-image", "--name", name), references);
            case K3D -> concat(List.of("k3d", "image", "import", "--cluster", name), references);
            case MINIKUBE, DOCKER_DESKTOP -> List.of();
        };
    }

    /** One line for the log: what happens to images for this cluster. */
    public String describe() {
        return switch (kind) {
            case KIND -> "kube context '" + context + "' is a local kind cluster: images are not pushed, they are loaded into its nodes "
                    + "with 'kind load docker-image --name " + name + "'";
            case K3D -> "kube context '" + context + "' is a local k3d cluster: images are not pushed, they are imported into it with "
                    + "'k3d image import --cluster " + name + "'";
            case MINIKUBE -> "kube context '" + context + "' is minikube: images are built in minikube's Docker daemon "
                    + "('minikube docker-env') and not pushed";
            case DOCKER_DESKTOP -> "kube context '" + context + "' is Docker Desktop's cluster: it shares the Docker daemon, images are not pushed";
        };
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new java.util.ArrayList<>(a);
        out.addAll(b);
        return List.copyOf(out);
    }
}
