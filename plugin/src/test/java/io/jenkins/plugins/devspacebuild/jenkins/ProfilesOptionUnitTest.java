package io.jenkins.plugins.devspacebuild.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.devspacebuild.cache.BuildCache;
import io.jenkins.plugins.devspacebuild.engine.RunOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@code profiles} option of the Pipeline step and of the freestyle build step reaches the engine's run options, in order. */
class ProfilesOptionUnitTest {
    static RunOptions runOptions(BuildSettings settings) throws Exception {
        return settings.toStepOptions(s -> s).toRunOptions(Path.of("/ws"), Path.of("/ws@tmp/c.json"), BuildCache.empty());
    }

    @Test
    void pipelineStepPassesTheListInOrder() throws Exception {
        DevSpaceBuildStep step = new DevSpaceBuildStep();
        assertThat(step.getProfiles()).isEmpty();
        assertThat(runOptions(step.settings()).profiles()).isEmpty();
        // from Pipeline a list; from the Snippet Generator's text box one element "a b"
        step.setProfiles(List.of("production", "eu debug"));
        assertThat(step.getProfiles()).containsExactly("production", "eu", "debug");
        assertThat(step.getProfilesText()).isEqualTo("production eu debug");
        assertThat(runOptions(step.settings()).profiles()).containsExactly("production", "eu", "debug");
    }

    @Test
    void freestyleBuildStepSplitsTheTextField() throws Exception {
        DevSpaceBuildBuilder builder = new DevSpaceBuildBuilder();
        builder.setProfiles("production, eu");
        assertThat(builder.getProfiles()).isEqualTo("production eu");
        assertThat(runOptions(builder.settings()).profiles()).containsExactly("production", "eu");
    }

    @Test
    void aBlankProfileIsAProblemAndOldSettingsGetNone() {
        assertThat(new StepOptions(null, false, false, 0, false, false, List.of(), List.of(), null, new ArrayList<>(List.of(" "))).problems())
                .containsExactly("profiles must not contain an empty name");
        BuildSettings old = new BuildSettings();
        old.profiles = null;
        old.readResolve();
        assertThat(old.profiles).isEmpty();
        assertThat(old.toStepOptions(s -> s).profiles()).isEmpty();
    }
}
