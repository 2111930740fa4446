package io.jenkins.plugins.devspacebuild.util;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 13.3: every file the tool reads is a regular file of bounded size, checked before reading. */
class BoundedFilesTest {
    @TempDir
    Path tmp;

    @Test
    void readsARegularFile() throws Exception {
        Path f = Files.writeString(tmp.resolve("a.txt"), "héllo\n");
        assertThat(BoundedFiles.readString(f, 100, "the file")).isEqualTo("héllo\n");
        assertThat(BoundedFiles.readBytes(f, 7, "the file")).hasSize(7);
    }

    @Test
    void refusesADeviceWithoutReadingIt() {
        assertThatThrownBy(() -> BoundedFiles.readBytes(Path.of("/dev/zero"), 1 << 20, "the cache"))
                .isInstanceOf(BoundedFiles.UnreadableFileException.class)
                .hasMessage("the cache /dev/zero is a FIFO, socket or device, not a regular file; give the path of a file");
    }

    @Test
    void refusesAFifoWithoutBlocking() throws Exception {
        Path fifo = tmp.resolve("fifo");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        // a FIFO opened for reading blocks until a writer comes: the check must not open it. 10 s is generous on a loaded
        // machine; the refusal itself takes microseconds.
        org.assertj.core.api.Assertions.assertThatCode(() -> org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertThatThrownBy(() -> BoundedFiles.readString(fifo, 100, "the cache")).hasMessageContaining("not a regular file")))
                .doesNotThrowAnyException();
    }

    @Test
    void refusesADirectoryAndAMissingFile() {
        assertThatThrownBy(() -> BoundedFiles.readBytes(tmp, 100, "the password file")).hasMessageContaining(tmp + " is a directory");
        assertThatThrownBy(() -> BoundedFiles.readBytes(tmp.resolve("none"), 100, "x")).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void refusesAHugeFileBeforeReadingIt() throws Exception {
        Path big = tmp.resolve("big");
        try (RandomAccessFile raf = new RandomAccessFile(big.toFile(), "rw")) {
            raf.setLength(8L << 30); // sparse: 8 GiB that take no disk
        }
        assertThatThrownBy(() -> BoundedFiles.readBytes(big, BoundedFiles.SMALL_FILE_LIMIT, "devspace.yaml"))
                .hasMessage("devspace.yaml " + big + " is 8.0 GiB, more than the limit of 1.0 MiB; give the right file");
    }

    @Test
    void refusesAFileWhoseSizeLies() {
        // /proc files say 0 bytes; this one is bigger than 16 bytes
        assertThatThrownBy(() -> BoundedFiles.readBytes(Path.of("/proc/self/status"), 16, "the file")).hasMessageContaining("grows while being read");
    }

    @Test
    void nonUtf8TextNamesTheOffset() throws Exception {
        Path f = Files.write(tmp.resolve(".dockerignore"), new byte[] {'a', '\n', (byte) 0xff, 'b'});
        assertThatThrownBy(() -> BoundedFiles.readString(f, 100, ".dockerignore"))
                .hasMessage(".dockerignore " + f + " is not UTF-8 text (invalid byte at offset 2); save it as UTF-8");
        assertThat(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1)).hasSize(4);
    }
}
