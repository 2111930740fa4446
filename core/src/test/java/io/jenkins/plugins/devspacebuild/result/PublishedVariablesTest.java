package io.jenkins.plugins.devspacebuild.result;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PublishedVariablesTest {
    @Test
    void naming() {
        assertThat(PublishedVariables.variableName("backend-api")).isEqualTo("DEVSPACE_IMAGE_BACKEND_API");
        assertThat(PublishedVariables.variableName("web.v2/ä")).isEqualTo("DEVSPACE_IMAGE_WEB_V2__");
    }

    @Test
    void builtAndSkippedPublishFailedDoesNot() {
        List<ImageResult> results = List.of(
                new ImageResult("backend-api", "r/api", List.of("t1", "latest"), "sha256:abc", null, ImageResult.Status.BUILT, "forced", "docker", 5),
                new ImageResult("web", "r/web", List.of("w1"), null, null, ImageResult.Status.SKIPPED, "unchanged", "docker", 1),
                new ImageResult("bad", "r/bad", List.of(), null, null, ImageResult.Status.FAILED, "boom", "docker", 1));
        assertThat(PublishedVariables.of(results)).containsExactly(
                java.util.Map.entry("DEVSPACE_IMAGE_BACKEND_API", "r/api:t1"),
                java.util.Map.entry("DEVSPACE_IMAGE_BACKEND_API_DIGEST", "sha256:abc"),
                java.util.Map.entry("DEVSPACE_IMAGE_BACKEND_API_REPOSITORY", "r/api"),
                java.util.Map.entry("DEVSPACE_IMAGE_BACKEND_API_TAG", "t1"),
                java.util.Map.entry("DEVSPACE_IMAGE_WEB", "r/web:w1"),
                java.util.Map.entry("DEVSPACE_IMAGE_WEB_REPOSITORY", "r/web"),
                java.util.Map.entry("DEVSPACE_IMAGE_WEB_TAG", "w1"));
        assertThat(results.get(0).referenceWithDigest()).isEqualTo("r/api:t1@sha256:abc");
        assertThat(results.get(1).referenceWithDigest()).isNull();
    }
}
