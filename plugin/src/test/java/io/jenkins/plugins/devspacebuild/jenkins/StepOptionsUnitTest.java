package io.jenkins.plugins.devspacebuild.jenkins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.devspacebuild.engine.RunOptions;
import io.jenkins.plugins.devspacebuild.cache.BuildCache;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class StepOptionsUnitTest {
    @Test
    void defaultsAndConversion() throws Exception {
        StepOptions o = new StepOptions(null, true, false, 0, false, false, null, null);
        assertThat(o.config()).isEqualTo("devspace.yaml");
        assertThat(o.problems()).isEmpty();
        RunOptions r = o.toRunOptions(Path.of("/ws"), Path.of("/ws@tmp/c.json"), BuildCache.empty());
        assertThat(r.configFile()).isEqualTo(Path.of("/ws/devspace.yaml"));
        assertThat(r.projectRoot()).isEqualTo(Path.of("/ws"));
        assertThat(r.forceBuild()).isTrue();
        assertThat(r.initialCache()).isEqualTo(BuildCache.empty());
    }

    @Test
    void everyProblemAtOnce() {
        StepOptions o = new StepOptions("../outside.yaml", false, false, -1, false, false, List.of(" "), List.of("ok", "bad tag"));
        assertThat(o.problems()).containsExactly(
                "maxParallel must be 0 (the default cap) or more, not -1",
                "config '../outside.yaml' must be a path inside the workspace, e.g. devspace.yaml or services/devspace.yaml",
                "images must not contain an empty name",
                "tag 'bad tag' is not valid: use letters, digits, '_', '.', '-' and '#', at most 128");
        assertThatThrownBy(o::validate).hasMessageStartingWith("devspaceBuild: maxParallel must be 0");
    }
}
