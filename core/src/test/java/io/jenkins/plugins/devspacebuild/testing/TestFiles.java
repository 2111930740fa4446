package io.jenkins.plugins.devspacebuild.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;

/** Small helpers to lay out project trees in tests. */
public final class TestFiles {
    private TestFiles() {
    }

    /** Writes a file, creating its directories; returns its path. */
    public static Path write(Path root, String relative, String content) {
        try {
            Path p = root.resolve(relative);
            Files.createDirectories(p.getParent());
            Files.writeString(p, content, StandardCharsets.UTF_8);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path executable(Path root, String relative, String content) {
        Path p = write(root, relative, content);
        try {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    /** Copies a tree, links as links; with {@code keepTimes=false} every copy gets a new modification time. */
    public static void copyTree(Path from, Path to) {
        try {
            Files.walkFileTree(from, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                    Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Path target = to.resolve(from.relativize(file).toString());
                    if (attrs.isSymbolicLink()) {
                        Files.createSymbolicLink(target, Files.readSymbolicLink(file));
                    } else {
                        Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
                        Files.setLastModifiedTime(target, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis()));
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Copies the bundled example as it is in version control: only tracked files (git ls-files), so what a run of
     * examples/run-monorepo.sh left behind (.devspace/ with its cache, images.env) never leaks into a test. Without
     * git, everything but .devspace/ is copied.
     */
    public static void copyExample(Path to) {
        copyTracked(exampleProject(), to);
    }

    /** Copies what git tracks under {@code example} (everything but .devspace/ when git cannot tell). */
    static void copyTracked(Path example, Path to) {
        java.util.List<String> tracked = trackedFiles(example);
        try {
            if (tracked == null) {
                copyTree(example, to);
                deleteTree(to.resolve(".devspace"));
                return;
            }
            for (String rel : tracked) {
                Path from = example.resolve(rel);
                Path target = to.resolve(rel);
                Files.createDirectories(target.getParent());
                if (Files.isSymbolicLink(from)) {
                    Files.createSymbolicLink(target, Files.readSymbolicLink(from));
                } else {
                    Files.copy(from, target, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
                    Files.setLastModifiedTime(target, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The files git tracks under {@code dir} (relative to it), or null when git cannot tell. */
    private static java.util.List<String> trackedFiles(Path dir) {
        try {
            Process p = new ProcessBuilder("git", "ls-files", "-z", "--", ".").directory(dir.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (p.waitFor() != 0) {
                return null;
            }
            java.util.List<String> files = new java.util.ArrayList<>();
            for (String f : new String(out, StandardCharsets.UTF_8).split("\0")) {
                if (!f.isEmpty()) {
                    files.add(f);
                }
            }
            return files.isEmpty() ? null : files;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (java.util.stream.Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** The bundled example project (examples/monorepo), found from the module directory. */
    public static Path exampleProject() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("examples/monorepo"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new AssertionError("examples/monorepo not found above " + Path.of("").toAbsolutePath());
        }
        return p.resolve("examples/monorepo");
    }
}
