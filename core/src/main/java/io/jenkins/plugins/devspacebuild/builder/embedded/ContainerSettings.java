package io.jenkins.plugins.devspacebuild.builder.embedded;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The image configuration a Dockerfile leaves (including what it inherits from its base image).
 *
 * @param entrypoint   null when none
 * @param cmd          null when none
 * @param env          in Docker's order (inherited first)
 * @param labels       in order of definition
 * @param workingDir   null when none
 * @param user         null when none
 * @param exposedPorts {@code port/protocol}, in order
 * @param volumes      absolute paths, in order
 */
public record ContainerSettings(List<String> entrypoint, List<String> cmd, Map<String, String> env, Map<String, String> labels,
                                String workingDir, String user, Set<String> exposedPorts, Set<String> volumes) {
    public ContainerSettings {
        entrypoint = entrypoint == null ? null : List.copyOf(entrypoint);
        cmd = cmd == null ? null : List.copyOf(cmd);
        env = Collections.unmodifiableMap(new LinkedHashMap<>(env));
        labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
        exposedPorts = Collections.unmodifiableSet(new LinkedHashSet<>(exposedPorts));
        volumes = Collections.unmodifiableSet(new LinkedHashSet<>(volumes));
    }
}
