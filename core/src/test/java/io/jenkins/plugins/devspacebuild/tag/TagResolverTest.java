package io.jenkins.plugins.devspacebuild.tag;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.devspacebuild.config.DockerSpec;
import io.jenkins.plugins.devspacebuild.config.ImageConfig;
import io.jenkins.plugins.devspacebuild.config.ImageName;
import io.jenkins.plugins.devspacebuild.config.Location;
import io.jenkins.plugins.devspacebuild.config.RebuildStrategy;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TagResolverTest {
    static ImageConfig image(List<String> tags) {
        return new ImageConfig("app", ImageName.parse("my/app"), tags, Path.of("/p/Dockerfile"), Path.of("/p"), null, null, List.of(), Map.of(),
                null, null, RebuildStrategy.DEFAULT, false, true, DockerSpec.DEFAULT, false, false, Location.of("x"));
    }

    TagResolver tags = new TagResolver(new Random(1));

    @Test
    void defaultIsFiveRandomCharacters() {
        List<String> t = tags.resolve(image(List.of()), List.of());
        assertThat(t).hasSize(1);
        assertThat(t.get(0)).matches("[a-z0-9]{5}");
        assertThat(tags.resolve(image(List.of()), List.of()).get(0)).isNotEqualTo(t.get(0));
    }

    @Test
    void hashesBecomeRandomCharacters() {
        List<String> t = tags.resolve(image(List.of("v1", "build-###", "v1")), List.of());
        assertThat(t).hasSize(2);
        assertThat(t.get(0)).isEqualTo("v1");
        assertThat(t.get(1)).matches("build-[a-z0-9]{3}");
    }

    @Test
    void overrideWins() {
        assertThat(tags.resolve(image(List.of("v1")), List.of("ci-7", "latest"))).containsExactly("ci-7", "latest");
    }
}
