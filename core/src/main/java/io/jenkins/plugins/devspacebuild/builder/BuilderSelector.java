package io.jenkins.plugins.devspacebuild.builder;

import io.jenkins.plugins.devspacebuild.cache.CacheEntry;
import io.jenkins.plugins.devspacebuild.cluster.ClusterConnection;
import io.jenkins.plugins.devspacebuild.cluster.ClusterFactory;
import io.jenkins.plugins.devspacebuild.cluster.LocalCluster;
import io.jenkins.plugins.devspacebuild.config.BuildKitSpec;
import io.jenkins.plugins.devspacebuild.config.BuilderSpec;
import io.jenkins.plugins.devspacebuild.config.ConfigException;
import io.jenkins.plugins.devspacebuild.config.CustomSpec;
import io.jenkins.plugins.devspacebuild.config.DockerSpec;
import io.jenkins.plugins.devspacebuild.config.EmbeddedSpec;
import io.jenkins.plugins.devspacebuild.config.ImageConfig;
import io.jenkins.plugins.devspacebuild.config.KanikoSpec;
import io.jenkins.plugins.devspacebuild.docker.DaemonUnreachableException;
import io.jenkins.plugins.devspacebuild.docker.DockerDaemon;
import io.jenkins.plugins.devspacebuild.registry.RegistryClient;
import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Picks the builder for each image, in one place, and says in the log which one and why: the run's builder override
 * ({@code --builder}), else the image's builder block, else Docker. When Docker is asked for and its daemon is
 * unreachable, it falls back (unless {@code docker.disableFallback}): to kaniko when a cluster is configured, as
 * DevSpace does, else to the embedded builder when the Dockerfile needs no RUN; otherwise the error lists what was
 * tried. The daemon and the cluster are contacted at most once per run, when first needed.
 */
public final class BuilderSelector implements Closeable {
    private final BuildServices services;
    private final RegistryClient registry;
    private final Supplier<DockerDaemon> daemonFactory;
    private final ClusterFactory clusterFactory;
    private final String override;
    private DockerDaemon daemon;
    private DaemonUnreachableException daemonProblem;
    private boolean probed;
    private Optional<ClusterConnection> cluster;
    private ConfigException clusterProblem;
    private LocalCluster localCluster;

    /** @param override the run's builder for every image (docker, kaniko, embedded), or null */
    public BuilderSelector(BuildServices services, RegistryClient registry, Supplier<DockerDaemon> daemonFactory, ClusterFactory clusterFactory,
                           String override) {
        this.services = services;
        this.registry = registry;
        this.daemonFactory = daemonFactory;
        this.clusterFactory = clusterFactory;
        this.override = override;
    }

    /** Daemon builds (docker, buildKit) are handed to this local cluster instead of pushed; null: pushed as usual. */
    public BuilderSelector withLocalCluster(LocalCluster cluster) {
        this.localCluster = cluster;
        return this;
    }

    /** The builder for an image; fails with the reason (and what was tried) when none can build it here. */
    public ImageBuilder select(ImageConfig image, BuildInput input) throws BuildFailedException {
        ImageBuilder b = selectBuilder(image, input);
        boolean daemonBuild = b instanceof DockerBuilder || b instanceof DockerCliBuilder || b instanceof BuildKitBuilder;
        return localCluster != null && daemonBuild ? new LocalClusterLoader(b, localCluster, services) : b;
    }

    private ImageBuilder selectBuilder(ImageConfig image, BuildInput input) throws BuildFailedException {
        String key = image.key();
        BuilderSpec spec = image.builder();
        String why = image.builderDeclared() ? "images." + key + "." + spec.name() : "the default";
        if (override != null && !override.equals(spec.name())) {
            spec = switch (override) {
                case "docker" -> DockerSpec.DEFAULT;
                case "kaniko" -> KanikoSpec.defaults();
                case "embedded" -> EmbeddedSpec.DEFAULT;
                case "buildkit" -> BuildKitSpec.DEFAULT;
                default -> throw new BuildFailedException("unknown builder '" + override + "'; use docker, kaniko, embedded or buildkit");
            };
            why = "--builder " + override;
        }
        if (spec instanceof CustomSpec c) {
            return announce(key, new CustomBuilder(services, c, registry), why);
        }
        if (spec instanceof KanikoSpec k) {
            ClusterConnection c = clusterOrFail(key, "it uses the kaniko builder (" + why + ")");
            return announce(key, new KanikoBuilder(c, services, k), why);
        }
        if (spec instanceof DockerSpec d) {
            DockerDaemon dd = daemon();
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
            DockerDaemon dd = daemon();
            if (dd == null) {
                throw new BuildFailedException("images." + key + ".buildKit builds with docker buildx on this agent's Docker daemon, which "
                        + "does not answer: " + daemonProblem.getMessage(), daemonProblem);
            }
            return announce(key, new BuildKitBuilder(dd, services, b), why);
        }
        throw new BuildFailedException("images." + key + " uses the " + spec.name() + " builder, which this build of devspace-build does not include;"
                + " use docker, kaniko or custom");
    }

    /** Docker was asked for but its daemon does not answer. */
    private ImageBuilder fallback(ImageConfig image, DockerSpec d, BuildInput input) throws BuildFailedException {
        String key = image.key();
        List<String> tried = new ArrayList<>();
        tried.add("docker: " + daemonProblem.getMessage());
        if (d.disableFallback()) {
            throw new BuildFailedException(daemonProblem.getMessage() + " (docker.disableFallback is set, so no other builder is tried)",
                    daemonProblem);
        }
        Optional<ClusterConnection> c = cluster();
        if (c.isPresent()) {
            services.events().info(key, "builder: kaniko, because the Docker daemon is unreachable and a cluster is configured ("
                    + c.get().source() + "); set docker.disableFallback: true to fail instead");
            return new KanikoBuilder(c.get(), services, KanikoSpec.defaults());
        }
        tried.add("kaniko: " + (clusterProblem != null ? clusterProblem.getMessage()
                : "no cluster is configured (--kubeconfig, KUBECONFIG, ~/.kube/config or an in-cluster service account)"));
        Optional<String> inexpressible = input.restartHelperScript() != null ? Optional.of("it cannot add the restart helper")
                : EmbeddedBuilder.inexpressible(input.dockerfileText(), "the Dockerfile of images." + key, image.target());
        if (inexpressible.isEmpty()) {
            services.events().info(key, "builder: embedded, because the Docker daemon is unreachable, no cluster is configured, and the "
                    + "Dockerfile needs no RUN; set docker.disableFallback: true to fail instead");
            return new EmbeddedBuilder(services, EmbeddedSpec.DEFAULT, registry);
        }
        tried.add("embedded: " + inexpressible.get());
        throw new BuildFailedException("no builder can build images." + key + " here. Tried " + String.join("; ", tried));
    }

    private ImageBuilder announce(String key, ImageBuilder b, String why) {
        services.events().info(key, "builder: " + b.name() + " (" + why + ")");
        return b;
    }

    private ClusterConnection clusterOrFail(String key, String because) throws BuildFailedException {
        Optional<ClusterConnection> c = cluster();
        if (c.isPresent()) {
            return c.get();
        }
        if (clusterProblem != null) {
            throw new BuildFailedException(clusterProblem.getMessage(), clusterProblem);
        }
        throw new BuildFailedException("images." + key + " needs a Kubernetes cluster because " + because + ", but none is configured: pass "
                + "--kubeconfig (Jenkins: kubeconfigCredentialsId), set KUBECONFIG, or run inside a cluster");
    }

    /** Whether a skipped image built without push is still where its builder left it. */
    public boolean existsLocally(CacheEntry entry) {
        if ("docker".equals(entry.builder()) || "buildkit".equals(entry.builder())) {
            DockerDaemon dd = daemon();
            return dd != null && new DockerBuilder(dd, services).existsLocally(entry);
        }
        if ("kaniko".equals(entry.builder())) {
            return false;
        }
        if ("embedded".equals(entry.builder())) {
            return new EmbeddedBuilder(services, EmbeddedSpec.DEFAULT, registry).existsLocally(entry);
        }
        return true;
    }

    /** The configured cluster, connected once; empty when none is configured (or its configuration is broken). */
    public synchronized Optional<ClusterConnection> cluster() {
        if (cluster == null) {
            try {
                cluster = clusterFactory.connect();
            } catch (ConfigException e) {
                clusterProblem = e;
                cluster = Optional.empty();
            }
        }
        return cluster;
    }

    /** Why the configured cluster cannot be used, or null. */
    public synchronized ConfigException clusterProblem() {
        cluster();
        return clusterProblem;
    }

    /** The daemon, pinged once; null when it does not answer (see {@link #daemonProblem()}). */
    public synchronized DockerDaemon daemon() {
        if (!probed) {
            probed = true;
            DockerDaemon candidate = daemonFactory.get();
            try {
                candidate.ping();
                daemon = candidate;
            } catch (DaemonUnreachableException e) {
                daemonProblem = e;
                try {
                    candidate.close();
                } catch (IOException ignored) {
                    // nothing was opened
                }
            }
        }
        return daemon;
    }

    public synchronized DaemonUnreachableException daemonProblem() {
        return daemonProblem;
    }

    @Override
    public synchronized void close() throws IOException {
        if (daemon != null) {
            daemon.close();
        }
        if (cluster != null) {
            cluster.ifPresent(ClusterConnection::close);
        }
    }
}
