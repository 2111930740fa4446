package io.jenkins.plugins.devspacebuild.context;

import static io.jenkins.plugins.devspacebuild.testing.TestFiles.write;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.devspacebuild.config.ConfigException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issues 13.3 and 13.9: a .dockerignore is read bounded, as UTF-8, and only when it is a regular file. */
class IgnoreFileReadingTest {
    @TempDir
    Path root;

    @Test
    void nonUtf8DockerignoreNamesTheFileAndTheOffset() throws Exception {
        write(root, "app/Dockerfile", "FROM scratch\n");
        Files.write(root.resolve("app/.dockerignore"), new byte[] {'x', '\n', (byte) 0xe9, '\n'});
        assertThatThrownBy(() -> ContextWalker.walk(root.resolve("app"), root.resolve("app/Dockerfile"), root))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("app/.dockerignore").hasMessageContaining("is not UTF-8 text (invalid byte at offset 2); save it as UTF-8")
                .hasMessageNotContaining("Input length");
    }

    @Test
    void fifoDockerignoreIsRefusedWithoutBlocking() throws Exception {
        write(root, "app/Dockerfile", "FROM scratch\n");
        Path fifo = root.resolve("app/.dockerignore");
        Assertions.assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        // preemptive so that a regression fails instead of hanging; 20 s is generous on a loaded machine
        Assertions.assertTimeoutPreemptively(Duration.ofSeconds(20), () ->
                assertThatThrownBy(() -> ContextWalker.walk(root.resolve("app"), root.resolve("app/Dockerfile"), root))
                        .isInstanceOf(ConfigException.class).hasMessageContaining("app/.dockerignore").hasMessageContaining("not a regular file"));
    }

    @Test
    void hugeDockerignoreIsRefusedBeforeReading() throws Exception {
        write(root, "app/Dockerfile", "FROM scratch\n");
        try (RandomAccessFile raf = new RandomAccessFile(root.resolve("app/.dockerignore").toFile(), "rw")) {
            raf.setLength(3L << 30);
        }
        assertThatThrownBy(() -> ContextWalker.walk(root.resolve("app"), root.resolve("app/Dockerfile"), root))
                .hasMessageContaining("app/.dockerignore").hasMessageContaining("more than the limit of 1.0 MiB");
    }

    /** Issue 13.7: a .dockerignore linked outside the project is not read, and its content is never echoed. */
    @Test
    void dockerignoreLinkedOutsideTheProjectIsRefused() throws Exception {
        Path project = Files.createDirectories(root.resolve("project"));
        write(project, "app/Dockerfile", "FROM scratch\n");
        Path secret = write(root, "secret.txt", "PLANTED-SECRET[\n");
        Files.createSymbolicLink(project.resolve("app/.dockerignore"), secret);
        assertThatThrownBy(() -> ContextWalker.walk(project.resolve("app"), project.resolve("app/Dockerfile"), project))
                .isInstanceOf(ConfigException.class).hasMessageContaining("app/.dockerignore")
                .hasMessageContaining("outside the project root").hasMessageNotContaining("PLANTED-SECRET");
    }
}
