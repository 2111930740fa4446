package io.jenkins.plugins.devspacebuild.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the forms' values become, without Jenkins. */
class FormsUnitTest {
    @Test
    void theDocumentedTagWithABuildVariablePassesTheCheckAndBadTagsDoNot() {
        assertThat(FormChecks.tagProblems("ci-${BUILD_NUMBER} latest")).isEmpty();
        assertThat(FormChecks.tagProblems("$BRANCH_NAME-${BUILD_NUMBER}")).isEmpty();
        assertThat(FormChecks.tagProblems("bad/tag")).singleElement().asString().contains("tag 'bad/tag' is not valid");
    }

    @Test
    void listPropertiesAcceptPipelineListsAndTheFormsSingleText() {
        assertThat(BuildSettings.clean(List.of("api", " web "))).containsExactly("api", "web");
        assertThat(BuildSettings.clean(List.of("api web,worker"))).containsExactly("api", "web", "worker");
        assertThat(BuildSettings.clean(List.of("[]"))).isEmpty();
        assertThat(BuildSettings.clean(List.of("[api, web]"))).containsExactly("api", "web");
        assertThat(BuildSettings.clean(Arrays.asList("", null))).isEmpty();
        assertThat(BuildSettings.clean(null)).isEmpty();
    }

    @Test
    void settingsSavedByAnOlderVersionGetDefaultsForMissingFields() throws Exception {
        BuildSettings old = new BuildSettings();
        old.config = null;
        old.images = null;
        old.tags = null;
        old.registryCredentials = null;
        old.readResolve();
        assertThat(old.config).isEqualTo("devspace.yaml");
        assertThat(old.images).isEmpty();
        assertThat(old.registryCredentials).isEmpty();
        assertThat(old.toStepOptions(s -> s).problems()).isEmpty();
    }
}
