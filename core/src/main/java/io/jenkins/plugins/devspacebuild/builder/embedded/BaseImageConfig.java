package io.jenkins.plugins.devspacebuild.builder.embedded;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a registry base image brings that a Dockerfile can see or must respect: its configuration. The empty config is
 * {@code scratch}'s.
 *
 * @param shell   the SHELL of the image (null: {@code /bin/sh -c})
 * @param onBuild ONBUILD triggers; the embedded builder cannot run them
 */
public record BaseImageConfig(List<String> entrypoint, List<String> cmd, Map<String, String> env, Map<String, String> labels,
                              String workingDir, String user, Set<String> exposedPorts, Set<String> volumes, List<String> shell,
                              List<String> onBuild) {

    public static final BaseImageConfig SCRATCH = new BaseImageConfig(null, null, Map.of(), Map.of(), null, null, Set.of(), Set.of(), null,
            List.of());

    public BaseImageConfig {
        entrypoint = entrypoint == null ? null : List.copyOf(entrypoint);
        cmd = cmd == null ? null : List.copyOf(cmd);
        env = Collections.unmodifiableMap(new LinkedHashMap<>(env));
        labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
        exposedPorts = Collections.unmodifiableSet(new LinkedHashSet<>(exposedPorts));
        volumes = Collections.unmodifiableSet(new LinkedHashSet<>(volumes));
        shell = shell == null || shell.isEmpty() ? null : List.copyOf(shell);
        onBuild = onBuild == null ? List.of() : List.copyOf(onBuild);
    }
}
