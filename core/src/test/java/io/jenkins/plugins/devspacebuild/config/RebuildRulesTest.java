package io.jenkins.plugins.devspacebuild.config;

import static io.jenkins.plugins.devspacebuild.testing.TestFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 10.6: rebuild rules and builder defaults as DevSpace has them. */
class RebuildRulesTest {
    @TempDir
    Path root;

    ConfigFiles files;

    @BeforeEach
    void dockerfiles() {
        files = new ConfigFiles(root);
    }

    private ProjectConfig load(String yaml) throws ConfigException {
        return files.load(yaml);
    }

    private ConfigException error(String yaml) {
        return files.error(yaml);
    }

    @Test
    void customBuilderWithoutOnChangeAlwaysRebuilds() throws Exception {
        ProjectConfig c = load("""
                version: v2beta1
                images:
                  a: {image: my/a, custom: {command: ./build.sh}}
                  b: {image: my/b, custom: {command: ./build.sh, onChange: ["./api/**"]}}
                """);
        assertThat(c.images().get("a").rebuildStrategy()).isEqualTo(RebuildStrategy.ALWAYS);
        assertThat(c.images().get("b").rebuildStrategy()).isEqualTo(RebuildStrategy.DEFAULT);
    }

    @Test
    void kanikoDefaultsAreDevSpaces() throws Exception {
        for (String yaml : List.of("version: v1beta9\nimages:\n  k:\n    image: reg.example.com/t/k\n    build: {kaniko: {}}\n",
                "version: v2beta1\nimages:\n  k:\n    image: reg.example.com/t/k\n    kaniko: {}\n")) {
            KanikoSpec k = (KanikoSpec) load(yaml).images().get("k").builder();
            assertThat(k.cache()).isTrue();
            assertThat(k.cacheRepo()).isEqualTo("reg.example.com/t/k");
            assertThat(k.snapshotMode()).isEqualTo("time");
        }
        KanikoSpec off = (KanikoSpec) load("version: v2beta1\nimages:\n  k:\n    image: a/k\n    kaniko: {cache: false, snapshotMode: redo}\n")
                .images().get("k").builder();
        assertThat(off.cacheRepo()).isNull();
        assertThat(off.snapshotMode()).isEqualTo("redo");
    }

    @Test
    void disabledImagesStayInTheModelWithTheirReasonAndNeedNoDockerfile() throws Exception {
        ImageConfig i = load("version: v1beta10\nimages:\n  app:\n    image: a/b\n    dockerfile: ./gone/Dockerfile\n    build:\n      disabled: true\n")
                .images().get("app");
        assertThat(i.disabled()).isTrue();
        assertThat(i.disabledReason()).hasValue("build.disabled is set (devspace.yaml:4:5)");
        assertThat(load("version: v2beta1\nimages:\n  app:\n    image: a/b\n").images().get("app").disabledReason()).isEmpty();
    }
}
