package io.jenkins.plugins.devspacebuild.build;

import io.jenkins.plugins.devspacebuild.cache.CacheEntry;
import io.jenkins.plugins.devspacebuild.config.BuilderSpec;
import io.jenkins.plugins.devspacebuild.config.CustomSpec;
import io.jenkins.plugins.devspacebuild.config.DockerSpec;
import io.jenkins.plugins.devspacebuild.config.ImageConfig;
import io.jenkins.plugins.devspacebuild.docker.DaemonUnreachableException;
import io.jenkins.plugins.devspacebuild.docker.DockerDaemon;
import io.jenkins.plugins.devspacebuild.push.RegistryClient;
import java.io.Closeable;
import java.io.IOException;
import java.util.function.Supplier;

/**
 * Picks the builder for each image, in one place: the image's builder block, else Docker. The daemon is contacted
 * once per run, the first time an image needs it.
 */
public final class BuilderSelector implements Closeable {
    private final BuildServices services;
    private final RegistryClient registry;
    private final Supplier<DockerDaemon> daemonFactory;
    private DockerDaemon daemon;
    private DaemonUnreachableException daemonProblem;
    private boolean probed;

    public BuilderSelector(BuildServices services, RegistryClient registry, Supplier<DockerDaemon> daemonFactory) {
        this.services = services;
        this.registry = registry;
        this.daemonFactory = daemonFactory;
    }

    /** The builder for an image; fails with the reason when none can build it here. */
    public ImageBuilder select(ImageConfig image) throws BuildFailedException {
        BuilderSpec spec = image.builder();
        if (spec instanceof CustomSpec c) {
            return new CustomBuilder(services, c, registry);
        }
        if (spec instanceof DockerSpec d) {
            DockerDaemon dd = daemon();
            if (dd == null) {
                throw new BuildFailedException(daemonProblem.getMessage(), daemonProblem);
            }
            return d.cli() ? new DockerCliBuilder(dd, services, d) : new DockerBuilder(dd, services);
        }
        throw new BuildFailedException("images." + image.key() + " uses the " + spec.name() + " builder, which this build of "
                + "devspace-build does not include; use docker or custom");
    }

    /** Whether a skipped image built without push is still where its builder left it. */
    public boolean existsLocally(CacheEntry entry) {
        if ("docker".equals(entry.builder())) {
            DockerDaemon dd = daemon();
            return dd != null && new DockerBuilder(dd, services).existsLocally(entry);
        }
        return true;
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
    }
}
