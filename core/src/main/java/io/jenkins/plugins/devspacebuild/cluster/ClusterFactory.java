package io.jenkins.plugins.devspacebuild.cluster;

import io.jenkins.plugins.devspacebuild.config.ConfigException;
import java.util.Optional;

/** Connects to the configured cluster, if there is one (called at most once per run, when a cluster is first needed). */
@FunctionalInterface
public interface ClusterFactory {
    Optional<ClusterConnection> connect() throws ConfigException;

    ClusterFactory NONE = Optional::empty;
}
