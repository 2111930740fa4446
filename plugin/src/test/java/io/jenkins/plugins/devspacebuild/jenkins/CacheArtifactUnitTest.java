package io.jenkins.plugins.devspacebuild.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.devspacebuild.cache.BuildCache;
import org.junit.jupiter.api.Test;

class CacheArtifactUnitTest {
    @Test
    void theDefaultConfigKeepsTheOldNameOthersGetOneEach() {
        assertThat(CacheArtifact.name("devspace.yaml")).isEqualTo(BuildCache.FILE_NAME);
        assertThat(CacheArtifact.name(null)).isEqualTo(BuildCache.FILE_NAME);
        assertThat(CacheArtifact.name("services/api/devspace.yaml")).isEqualTo("devspace-build-cache-services_api_devspace.yaml.json");
        assertThat(CacheArtifact.name("a/devspace.yaml")).isNotEqualTo(CacheArtifact.name("b/devspace.yaml"));
    }
}
