package io.jenkins.plugins.devspacebuild.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13 "tests that cannot be fooled": running examples/run-monorepo.sh leaves .devspace/ (cache, images.env) in
 * the example; the tests' copy of it must hold only what git tracks, or a test sees that run's cache.
 */
class TestFilesTest {
    @TempDir
    Path tmp;

    @Test
    void aCopyOfAProjectHoldsOnlyTrackedFiles() throws Exception {
        Path repo = Files.createDirectories(tmp.resolve("repo"));
        TestFiles.write(repo, "devspace.yaml", "version: v2beta1\n");
        TestFiles.write(repo, "services/api/Dockerfile", "FROM scratch\n");
        git(repo, "init", "-q");
        git(repo, "add", "devspace.yaml", "services/api/Dockerfile");
        // what a run of the example leaves behind
        TestFiles.write(repo, ".devspace/devspace-build-cache.json", "{\"version\":1}");
        TestFiles.write(repo, ".devspace/images.env", "DEVSPACE_IMAGE_API=x\n");

        Path copy = tmp.resolve("copy");
        TestFiles.copyTracked(repo, copy);

        try (Stream<Path> files = Files.walk(copy)) {
            assertThat(files.filter(Files::isRegularFile).map(f -> copy.relativize(f).toString()).sorted().toList())
                    .containsExactly("devspace.yaml", "services/api/Dockerfile");
        }
    }

    @Test
    void theExampleCopyHasNoDevspaceDirectory() {
        Path copy = tmp.resolve("monorepo");
        TestFiles.copyExample(copy);
        assertThat(copy.resolve("devspace.yaml")).isRegularFile();
        assertThat(copy.resolve(".devspace")).doesNotExist();
    }

    private static void git(Path dir, String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("git", "-c", "user.name=t", "-c", "user.email=t@t"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(out).isZero();
    }
}
