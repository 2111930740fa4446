package io.jenkins.plugins.devspacebuild.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.devspacebuild.config.BuilderKind;
import io.jenkins.plugins.devspacebuild.config.ConfigException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RunOptionsTest {
    final Path config = Path.of("/p/devspace.yaml");

    @Test
    void defaultsAndACopyThatChangesOneOption() throws Exception {
        RunOptions o = RunOptions.builder(config).build();
        assertThat(o.projectRoot()).isEqualTo(Path.of("/p"));
        assertThat(o.cacheFile()).isEqualTo(Path.of("/p/.devspace/devspace-build-cache.json"));
        assertThat(o.builder()).isEmpty();
        assertThat(o.pullSecrets()).isTrue();
        RunOptions forced = o.toBuilder().forceBuild(true).builder("kaniko").build();
        assertThat(forced.forceBuild()).isTrue();
        assertThat(forced.builder()).contains(BuilderKind.KANIKO);
        assertThat(o.forceBuild()).as("the original is unchanged").isFalse();
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        assertThatThrownBy(() -> RunOptions.builder(config).maxParallel(-2).builder("podman").images(Arrays.asList("api", " "))
                .tags(List.of("")).build())
                .isInstanceOf(ConfigException.class)
                .hasMessage("maxParallel must be 0 (the default) or more, not -2; builder 'podman' is not a builder; use docker, kaniko, "
                        + "embedded or buildkit; images must not contain an empty name; tags must not contain an empty tag");
        assertThatThrownBy(() -> RunOptions.builder(config).builder(BuilderKind.CUSTOM).build())
                .hasMessage("builder 'custom' cannot build a whole run; use docker, kaniko, embedded or buildkit");
    }

    @Test
    void builderNamesComeFromTheKinds() {
        assertThat(BuilderKind.parseRunOption(" Docker ")).isEqualTo(Optional.of(BuilderKind.DOCKER));
        assertThat(BuilderKind.parseRunOption("")).isEmpty();
        assertThat(BuilderKind.named("custom")).contains(BuilderKind.CUSTOM);
        assertThat(BuilderKind.runKinds()).containsExactly(BuilderKind.DOCKER, BuilderKind.KANIKO, BuilderKind.EMBEDDED, BuilderKind.BUILDKIT);
    }
}
