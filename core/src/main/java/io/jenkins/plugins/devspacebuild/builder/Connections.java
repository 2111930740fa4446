package io.jenkins.plugins.devspacebuild.builder;

import io.jenkins.plugins.devspacebuild.cluster.ClusterConnection;
import io.jenkins.plugins.devspacebuild.cluster.ClusterFactory;
import io.jenkins.plugins.devspacebuild.cluster.LocalCluster;
import io.jenkins.plugins.devspacebuild.config.ConfigException;
import io.jenkins.plugins.devspacebuild.docker.DaemonUnreachableException;
import io.jenkins.plugins.devspacebuild.docker.DockerDaemon;
import java.io.Closeable;
import java.io.IOException;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The Docker daemon and the Kubernetes cluster of one run, each contacted at most once, when first needed, and closed
 * at the end of the run. The builders, the skip verification (is the image still in the daemon?) and the pull-secret
 * stage get them from here, explicitly. Thread-safe.
 */
public final class Connections implements Closeable {
    private final Supplier<DockerDaemon> daemonFactory;
    private final ClusterFactory clusterFactory;
    private final LocalCluster localCluster;
    private DockerDaemon daemon;
    private DaemonUnreachableException daemonProblem;
    private boolean probed;
    private Optional<ClusterConnection> cluster;
    private ConfigException clusterProblem;

    public Connections(Supplier<DockerDaemon> daemonFactory, ClusterFactory clusterFactory) {
        this(daemonFactory, clusterFactory, null);
    }

    /** @param localCluster the local cluster daemon builds are handed to instead of pushed ({@code --skip-push-local-kube}), or null */
    public Connections(Supplier<DockerDaemon> daemonFactory, ClusterFactory clusterFactory, LocalCluster localCluster) {
        this.daemonFactory = daemonFactory;
        this.clusterFactory = clusterFactory;
        this.localCluster = localCluster;
    }

    /** The local cluster daemon builds are loaded into instead of pushed, if the run has one. */
    public Optional<LocalCluster> localCluster() {
        return Optional.ofNullable(localCluster);
    }

    /** The daemon, pinged once; null when it does not answer (see {@link #daemonProblem()}). */
    public synchronized DockerDaemon daemon() {
        if (!probed) {
            probed = true;
            DockerDaemon candidate;
            try {
                candidate = daemonFactory.get();
            } catch (RuntimeException e) {
                // never leave daemonProblem unset: the probe may run on another thread
                daemonProblem = new DaemonUnreachableException("the Docker client cannot be set up (" + e.getClass().getSimpleName()
                        + "); check DOCKER_HOST, DOCKER_TLS_VERIFY and DOCKER_CERT_PATH");
                return null;
            }
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

    /** Why the daemon does not answer, or null. */
    public synchronized DaemonUnreachableException daemonProblem() {
        return daemonProblem;
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
