package io.jenkins.plugins.devspacebuild.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.devspacebuild.error.DevSpaceBuildException;
import io.jenkins.plugins.devspacebuild.result.ImageResult;
import io.jenkins.plugins.devspacebuild.result.ImageResult.Status;
import io.jenkins.plugins.devspacebuild.result.ResultFiles;
import io.jenkins.plugins.devspacebuild.result.RunResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13.9: an output file that cannot be written after a successful push (disk full, its directory replaced by a
 * file after the up-front check) names the option and what was done, is exit code 1 without a stack trace, and does
 * not cost the other output file.
 */
class OutputFilesTest {
    @TempDir
    Path tmp;

    static final RunResult RUN = new RunResult(List.of(
            new ImageResult("api", "127.0.0.1:5000/api", List.of("abc12"), "sha256:" + "1".repeat(64), null, Status.BUILT, "changed", "docker", 1),
            new ImageResult("worker", "127.0.0.1:5000/worker", List.of("w1"), null, null, Status.SKIPPED, "unchanged", "docker", 1)),
            false);

    List<OutputFiles.Output> outputs(Path json, Path env) {
        return List.of(new OutputFiles.Output("--output-file", json, () -> ResultFiles.json(RUN)),
                new OutputFiles.Output("--output-env", env, () -> "DEVSPACE_IMAGE_API=127.0.0.1:5000/api:abc12\n"));
    }

    @Test
    void aFailedOutputFileNamesTheOptionAndStillWritesTheEnvFile() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("out"));
        Path json = dir.resolve("images.json");
        Path env = tmp.resolve("images.env");
        // the directory passed the up-front check, then became a file before the run ended
        Files.delete(dir);
        Files.writeString(tmp.resolve("out"), "not a directory");

        assertThatThrownBy(() -> OutputFiles.write(outputs(json, env), RUN, true))
                .isInstanceOfSatisfying(DevSpaceBuildException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(1);
                    assertThat(e.getMessage())
                            .startsWith("--output-file " + json + " could not be written (")
                            .contains("--output-env " + env + " written")
                            .contains("the 2 built or skipped images are pushed and cached")
                            .contains("free some space or fix the path and run again")
                            .doesNotContain("\tat ");
                });
        assertThat(env).hasContent("DEVSPACE_IMAGE_API=127.0.0.1:5000/api:abc12");
    }

    @Test
    void withSkipPushTheMessageDoesNotClaimAPush() throws Exception {
        Files.writeString(tmp.resolve("blocker"), "a file");
        Path env = tmp.resolve("blocker/images.env");
        assertThatThrownBy(() -> OutputFiles.write(outputs(null, env), RUN, false))
                .isInstanceOfSatisfying(DevSpaceBuildException.class, e -> assertThat(e.getMessage())
                        .startsWith("--output-env " + env + " could not be written (")
                        .contains("the 2 built or skipped images are cached")
                        .doesNotContain("pushed"));
    }
}
