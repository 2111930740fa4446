package io.jenkins.plugins.devspacebuild.config;

import java.util.List;
import java.util.Set;

/**
 * Maps an image of the seed-era schema family ({@code v1beta9}, {@code v1beta10}, {@code v1beta11}) to the model:
 * the builder block, {@code skipPush}, {@code options{target, network, buildArgs}} and {@code disabled} sit under
 * {@code images.*.build}.
 */
final class LegacyImageMapper {
    private static final List<String> CURRENT_ONLY = List.of("buildArgs", "target", "network", "docker", "kaniko", "custom", "skipPush");

    private LegacyImageMapper() {
    }

    static ImageConfig map(String key, YamlMapping m, ProjectPaths paths) {
        ImageDraft f = new ImageDraft(key, m, paths);
        f.readCommon();
        Problems problems = f.problems;
        problems.attempt(() -> {
            // v1beta9: DevSpace appends "-" and 5 random characters to every tag
            if (m.bool("tagsAppendRandom", false)) {
                f.tags = f.tags.stream().map(t -> t + "-#####").toList();
            }
        });
        problems.attempt(() -> {
            YamlMapping build = m.mapping("build");
            if (build == null) {
                return;
            }
            problems.attempt(() -> f.disabled = build.bool("disabled", false));
            problems.attempt(() -> {
                // the seed-era shape keeps skipPush and options{target, network, buildArgs} inside the builder block
                if (build.has("docker") || build.has("buildKit")) {
                    // buildKit (v1beta10, v1beta11) keeps skipPush and options in its block as docker does
                    YamlMapping docker = build.mapping(build.has("docker") ? "docker" : "buildKit");
                    problems.attempt(() -> f.skipPush = docker.bool("skipPush", false));
                    f.readOptions(docker.mapping("options"));
                } else if (build.has("kaniko")) {
                    f.readOptions(build.mapping("kaniko").mapping("options"));
                }
            });
            f.readBuilder(build);
            build.rejectUnknown(Set.of());
        });
        for (String k : CURRENT_ONLY) {
            if (m.has(k)) {
                m.ignore(k);
                problems.add(new ConfigException(m.keyLocation(k), m.child(k), "is a v2beta1 field, but this file is "
                        + "the older shape; move it under build.docker.options (or build.docker), or set version: v2beta1"));
            }
        }
        m.rejectUnknown(Set.of());
        return f.build();
    }
}
