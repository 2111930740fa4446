package io.jenkins.plugins.devspacebuild.cache;

import static io.jenkins.plugins.devspacebuild.testing.TestFiles.copyTree;
import static io.jenkins.plugins.devspacebuild.testing.TestFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.devspacebuild.context.ContextWalker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContextHasherTest {
    @TempDir
    Path tmp;
    Path project;
    ContextHasher hasher = new ContextHasher(2);

    @BeforeEach
    void project() throws Exception {
        project = tmp.resolve("p");
        write(project, "Dockerfile", "FROM scratch\nCOPY . /\n");
        write(project, ".dockerignore", "*.log\n");
        write(project, "src/a.txt", "a");
        write(project, "src/deep/b.txt", "b");
        write(project, "debug.log", "noise");
        Files.createDirectories(project.resolve("empty"));
        Files.createSymbolicLink(project.resolve("link"), Path.of("src/a.txt"));
    }

    @AfterEach
    void close() {
        hasher.close();
    }

    ContextDigest hash(Path p) throws Exception {
        return hasher.hash(ContextWalker.walk(p, p.resolve("Dockerfile"), p));
    }

    ContextDigest fresh(Path p) throws Exception {
        try (ContextHasher h = new ContextHasher(2)) {
            return h.hash(ContextWalker.walk(p, p.resolve("Dockerfile"), p));
        }
    }

    @Test
    void movingOrCopyingTheProjectChangesNothing() throws Exception {
        String before = hash(project).hash();
        Path copy = tmp.resolve("elsewhere/clone");
        copyTree(project, copy);
        assertThat(fresh(copy).hash()).isEqualTo(before);
    }

    @Test
    void touchingEveryFileChangesNothing() throws Exception {
        String before = fresh(project).hash();
        try (Stream<Path> s = Files.walk(project)) {
            s.filter(Files::isRegularFile).forEach(f -> {
                try {
                    Files.setLastModifiedTime(f, FileTime.fromMillis(System.currentTimeMillis() + 100_000));
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            });
        }
        assertThat(fresh(project).hash()).isEqualTo(before);
    }

    @Test
    void contentNameModePresenceAndLinkTargetCount() throws Exception {
        ContextDigest base = fresh(project);

        write(project, "src/deep/b.txt", "B");
        ContextDigest content = fresh(project);
        assertThat(content.hash()).isNotEqualTo(base.hash());
        assertThat(SkipDecider.changedPaths(base.directories(), content.directories())).isEqualTo("src/deep/");
        write(project, "src/deep/b.txt", "b");
        assertThat(fresh(project).hash()).isEqualTo(base.hash());

        Files.setPosixFilePermissions(project.resolve("src/a.txt"), PosixFilePermissions.fromString("rwxr-xr-x"));
        assertThat(fresh(project).hash()).isNotEqualTo(base.hash());
        Files.setPosixFilePermissions(project.resolve("src/a.txt"), PosixFilePermissions.fromString("rw-r--r--"));
        // group/other bits are not part of the hash (only the executable bit is sent)
        Files.setPosixFilePermissions(project.resolve("src/a.txt"), PosixFilePermissions.fromString("rw-------"));
        assertThat(fresh(project).hash()).isEqualTo(base.hash());

        Files.move(project.resolve("src/a.txt"), project.resolve("src/a2.txt"));
        assertThat(fresh(project).hash()).isNotEqualTo(base.hash());
        Files.move(project.resolve("src/a2.txt"), project.resolve("src/a.txt"));

        write(project, "src/new.txt", "n");
        ContextDigest added = fresh(project);
        assertThat(added.hash()).isNotEqualTo(base.hash());
        assertThat(SkipDecider.changedPaths(base.directories(), added.directories())).isEqualTo("src/");
        Files.delete(project.resolve("src/new.txt"));

        Files.delete(project.resolve("link"));
        Files.createSymbolicLink(project.resolve("link"), Path.of("src/deep/b.txt"));
        assertThat(fresh(project).hash()).isNotEqualTo(base.hash());
        Files.delete(project.resolve("link"));
        Files.createSymbolicLink(project.resolve("link"), Path.of("src/a.txt"));

        Files.delete(project.resolve("empty"));
        assertThat(fresh(project).hash()).isNotEqualTo(base.hash());
        Files.createDirectories(project.resolve("empty"));
        assertThat(fresh(project).hash()).isEqualTo(base.hash());
    }

    @Test
    void excludedFilesDoNotCount() throws Exception {
        String before = fresh(project).hash();
        write(project, "debug.log", "other noise");
        write(project, "more.log", "x");
        assertThat(fresh(project).hash()).isEqualTo(before);
    }

    @Test
    void sharedFilesAreReadOnce() throws Exception {
        ContextDigest a = hash(project);
        ContextDigest b = hash(project);
        assertThat(a.files().get("src/a.txt")).isSameAs(b.files().get("src/a.txt"));
    }
}
