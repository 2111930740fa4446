package io.jenkins.plugins.devspacebuild.util;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfinedPathsTest {
    @TempDir
    Path tmp;

    @Test
    void linksLeavingTheRootAreRefusedOthersAreFine() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("project"));
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Files.createDirectories(root.resolve("real"));
        Files.createSymbolicLink(root.resolve(".devspace"), outside);
        Files.createSymbolicLink(root.resolve("inner"), root.resolve("real"));
        assertThatThrownBy(() -> ConfinedPaths.requireInside(root, root.resolve(".devspace/images/a.tar"), "the tarball"))
                .isInstanceOf(ConfinedPaths.EscapeException.class)
                .hasMessageContaining("the tarball " + root.resolve(".devspace/images/a.tar") + " leads through a symbolic link to "
                        + outside.toRealPath().resolve("images/a.tar") + ", outside the project root " + root);
        assertThatCode(() -> ConfinedPaths.requireInside(root, root.resolve("inner/x/y"), "x")).doesNotThrowAnyException();
        assertThatCode(() -> ConfinedPaths.requireInside(root, outside.resolve("explicit.json"), "the cache")).doesNotThrowAnyException();
        Files.createSymbolicLink(root.resolve("dangling"), tmp.resolve("nowhere"));
        assertThatThrownBy(() -> ConfinedPaths.requireInside(root, root.resolve("dangling"), "the cache")).hasMessageContaining("does not exist");
    }
}
