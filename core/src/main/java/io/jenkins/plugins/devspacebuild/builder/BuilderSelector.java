package io.jenkins.plugins.devspacebuild.builder;

import io.jenkins.plugins.devspacebuild.cache.CacheEntry;
import io.jenkins.plugins.devspacebuild.cluster.ClusterConnection;
import io.jenkins.plugins.devspacebuild.config.BuildKitSpec;
import io.jenkins.plugins.devspacebuild.config.BuilderKind;
import io.jenkins.plugins.devspacebuild.config.BuilderSpec;
import io.jenkins.plugins.devspacebuild.config.ConfigException;
import io.jenkins.plugins.devspacebuild.config.CustomSpec;
import io.jenkins.plugins.devspacebuild.config.DockerSpec;
import io.jenkins.plugins.devspacebuild.config.EmbeddedSpec;
import io.jenkins.plugins.devspacebuild.config.ImageConfig;
import io.jenkins.plugins.devspacebuild.config.KanikoSpec;
import io.jenkins.plugins.devspacebuild.docker.DaemonUnreachableException;
import io.jenkins.plugins.devspacebuild.docker.DockerDaemon;
import io.jenkins.plugins.devspacebuild.event.BuildEvent;
import io.jenkins.plugins.devspacebuild.registry.RegistryClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The default {@link BuilderFactory}: picks the builder for each image, in one place, and announces which one and why
 * ({@link BuildEvent.BuilderChosen}): the run's builder override ({@code --builder}), else the image's builder block,
 * else Docker. When Docker is asked for and its daemon is unreachable, it falls back (unless
 * {@code docker.disableFallback}): to kaniko when a cluster is configured, as DevSpace does, else to the embedded
 * builder when the Dockerfile needs no RUN; otherwise the error lists what was tried.
 */
public final class BuilderSelector implements BuilderFactory.RunBuilders {
    private final BuildServices services;
    private final RegistryClient registry;
    private final Connections connections;
    private final Optional<BuilderKind> override;

    BuilderSelector(BuildServices services, RegistryClient registry, Connections connections, Optional<BuilderKind> override) {
        this.services = services;
        this.registry = registry;
        this.connections = connections;
        this.override = override;
    }

    @Override
    public ImageBuilder select(ImageConfig image, BuildInput input) throws BuildFailedException {
        ImageBuilder b = selectBuilder(image, input);
        boolean daemonBuild = b instanceof DockerBuilder || b instanceof DockerCliBuilder || b instanceof BuildKitBuilder;
        return connections.localCluster().filter(c -> daemonBuild).<ImageBuilder>map(c -> new LocalClusterLoader(b, c, services)).orElse(b);
    }

    private ImageBuilder selectBuilder(ImageConfig image, BuildInput input) throws BuildFailedException {
        String key = image.key();
        BuilderSpec spec = image.builder();
        String why = image.builderDeclared() ? "images." + key + "." + spec.name() : "the default";
        if (override.isPresent() && override.get() != spec.kind()) {
            spec = switch (override.get()) {
                case DOCKER -> DockerSpec.DEFAULT;
                case KANIKO -> KanikoSpec.defaults();
                case EMBEDDED -> EmbeddedSpec.DEFAULT;
                case BUILDKIT -> BuildKitSpec.DEFAULT;
                case CUSTOM -> throw new BuildFailedException("the custom builder cannot be chosen for a whole run; use "
                        + BuilderKind.runKindNames());
            };
            why = "--builder " + override.get().configName();
        }
        if (spec instanceof CustomSpec c) {
            return announce(key, new CustomBuilder(services, c, registry), why);
        }
        if (spec instanceof KanikoSpec k) {
            return announce(key, new KanikoBuilder(clusterOrFail(key, "it uses the kaniko builder (" + why + ")"), services, k), why);
        }
        if (spec instanceof DockerSpec d) {
            DockerDaemon dd = connections.daemon();
            if (dd != null) {
                return announce(key, d.cli() ? new DockerCliBuilder(dd, services, d) : new DockerBuilder(dd, services), why);
            }
            return fallback(image, d, input);
        }
        if (spec instanceof EmbeddedSpec e) {
            if (input != null && input.restartHelperScript() != null) {
                throw new BuildFailedException("images." + key + " asks for the restart helper (" + image.restartHelper().origin() + "), which the "
                        + "embedded builder cannot add; build it with docker, buildKit or kaniko, or remove the restart helper");
            }
            return announce(key, new EmbeddedBuilder(services, e, registry), why);
        }
        if (spec instanceof BuildKitSpec b) {
            DockerDaemon dd = connections.daemon();
            if (dd == null) {
                DaemonUnreachableException problem = connections.daemonProblem();
                throw new BuildFailedException("images." + key + ".buildKit builds with docker buildx on this agent's Docker daemon, which "
                        + "does not answer: " + problem.getMessage(), problem);
            }
            return announce(key, new BuildKitBuilder(dd, services, b), why);
        }
        throw new BuildFailedException("images." + key + " uses the " + spec.name() + " builder, which this build of devspace-build does not "
                + "include; use docker, kaniko or custom");
    }

    /** Docker was asked for but its daemon does not answer. */
    private ImageBuilder fallback(ImageConfig image, DockerSpec d, BuildInput input) throws BuildFailedException {
        String key = image.key();
        DaemonUnreachableException daemonProblem = connections.daemonProblem();
        List<String> tried = new ArrayList<>();
        tried.add("docker: " + daemonProblem.getMessage());
        if (d.disableFallback()) {
            throw new BuildFailedException(daemonProblem.getMessage() + " (docker.disableFallback is set, so no other builder is tried)",
                    daemonProblem);
        }
        Optional<ClusterConnection> c = connections.cluster();
        if (c.isPresent()) {
            return fellBack(key, new KanikoBuilder(c.get(), services, KanikoSpec.defaults()), "the Docker daemon is unreachable and a cluster is "
                    + "configured (" + c.get().source() + "); set docker.disableFallback: true to fail instead");
        }
        ConfigException clusterProblem = connections.clusterProblem();
        tried.add("kaniko: " + (clusterProblem != null ? clusterProblem.getMessage()
                : "no cluster is configured (--kubeconfig, KUBECONFIG, ~/.kube/config or an in-cluster service account)"));
        Optional<String> inexpressible = input.restartHelperScript() != null ? Optional.of("it cannot add the restart helper")
                : EmbeddedBuilder.inexpressible(input.dockerfileText(), "the Dockerfile of images." + key, image.target());
        if (inexpressible.isEmpty()) {
            return fellBack(key, new EmbeddedBuilder(services, EmbeddedSpec.DEFAULT, registry), "the Docker daemon is unreachable, no "
                    + "cluster is configured, and the Dockerfile needs no RUN; set docker.disableFallback: true to fail instead");
        }
        tried.add("embedded: " + inexpressible.get());
        throw new BuildFailedException("no builder can build images." + key + " here. Tried " + String.join("; ", tried));
    }

    private ImageBuilder announce(String key, ImageBuilder b, String why) {
        services.events().accept(new BuildEvent.BuilderChosen(key, b.name(), why, false));
        return b;
    }

    private ImageBuilder fellBack(String key, ImageBuilder b, String because) {
        services.events().accept(new BuildEvent.BuilderChosen(key, b.name(), because, true));
        return b;
    }

    private ClusterConnection clusterOrFail(String key, String because) throws BuildFailedException {
        Optional<ClusterConnection> c = connections.cluster();
        if (c.isPresent()) {
            return c.get();
        }
        ConfigException problem = connections.clusterProblem();
        if (problem != null) {
            throw new BuildFailedException(problem.getMessage(), problem);
        }
        throw new BuildFailedException("images." + key + " needs a Kubernetes cluster because " + because + ", but none is configured: pass "
                + "--kubeconfig (Jenkins: kubeconfigCredentialsId), set KUBECONFIG, or run inside a cluster");
    }

    @Override
    public boolean existsLocally(CacheEntry entry) {
        Optional<BuilderKind> kind = BuilderKind.named(entry.builder());
        if (kind.isEmpty()) {
            return true;
        }
        return switch (kind.get()) {
            case DOCKER, BUILDKIT -> {
                DockerDaemon dd = connections.daemon();
                yield dd != null && new DockerBuilder(dd, services).existsLocally(entry);
            }
            case KANIKO -> false;
            case EMBEDDED -> new EmbeddedBuilder(services, EmbeddedSpec.DEFAULT, registry).existsLocally(entry);
            case CUSTOM -> true;
        };
    }
}
