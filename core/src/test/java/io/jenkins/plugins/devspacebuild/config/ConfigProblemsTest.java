package io.jenkins.plugins.devspacebuild.config;

import static io.jenkins.plugins.devspacebuild.testing.TestFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 12.4: every problem of a file at once, bounded; issue 10.3: a file without images is valid. */
class ConfigProblemsTest {
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
    void everyProblemOfTheFileIsReportedAtOnce() {
        ConfigException e = error("""
                version: v2beta1
                images:
                  a:
                    image: my/a
                    dockerfil: ./Dockerfile
                    rebuildStrategy: sometimes
                  b:
                    tags: [x]
                  c:
                    image: my/c
                    skipPush: maybe
                    contxt: .
                """);
        assertThat(e).isInstanceOf(ConfigProblemsException.class);
        assertThat(((ConfigProblemsException) e).problems()).containsExactly(
                "devspace.yaml:6:5: images.a.rebuildStrategy: 'sometimes' is not valid; use one of default, always, ignoreContextChanges",
                "devspace.yaml:5:5: images.a.dockerfil: unknown key; did you mean 'dockerfile'?",
                "devspace.yaml:8:5: images.b.image: is required: name the image to build, e.g. image: registry.example.com/team/b",
                "devspace.yaml:11:15: images.c.skipPush: expected true or false, found 'maybe'",
                "devspace.yaml:12:5: images.c.contxt: unknown key; did you mean 'context'?");
        assertThat(e.getMessage()).startsWith("devspace.yaml has 5 problems:\n  devspace.yaml:6:5: images.a.rebuildStrategy");
        assertThat(e.exitCode()).isEqualTo(2);
    }

    @Test
    void aFileWithThousandsOfProblemsGivesAShortMessage() {
        StringBuilder yaml = new StringBuilder("version: v2beta1\nimages:\n  app:\n    image: my/app\n");
        for (int i = 0; i < 5000; i++) {
            yaml.append("    unknown").append(i).append(": x\n");
        }
        ConfigProblemsException e = (ConfigProblemsException) error(yaml.toString());
        assertThat(e.problems()).hasSize(51).last().isEqualTo("... and 4950 more; fix these first");
        assertThat(e.getMessage()).startsWith("devspace.yaml has 5000 problems:");
    }

    @Test
    void aConfigWithoutImagesIsValidAndSaysThereIsNothingToBuild() throws Exception {
        ProjectConfig c = load("version: v2beta1\ndeployments: {}\n");
        assertThat(c.images()).isEmpty();
        assertThat(c.warnings()).containsExactly("devspace.yaml: no images are defined: nothing to build");
    }
}
