package io.jenkins.plugins.devspacebuild.context;

import io.jenkins.plugins.devspacebuild.config.ConfigException;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * For a custom builder with {@code onChange}: the files those globs name (relative to devspace.yaml, '**' crosses
 * directories; a glob naming a directory takes everything in it) decide the skip instead of the build context, as in
 * DevSpace. {@code .devspace/} and {@code .git/} are never looked at.
 */
public final class OnChangeFiles {

    private OnChangeFiles() {
    }

    public static BuildContext collect(Path baseDir, List<String> globs, Path projectRoot) throws ConfigException {
        Path base = baseDir.toAbsolutePath().normalize();
        List<PathMatcher> matchers = new ArrayList<>();
        for (String g : globs) {
            String p = g.startsWith("./") ? g.substring(2) : g;
            while (p.endsWith("/")) {
                p = p.substring(0, p.length() - 1);
            }
            try {
                matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + p));
                matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + p + "/**"));
            } catch (IllegalArgumentException e) {
                throw new ConfigException("onChange glob '" + g + "' is not valid: " + e.getMessage());
            }
        }
        List<ContextEntry> entries = new ArrayList<>();
        try {
            Files.walkFileTree(base, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                    if (!dir.equals(base) && (name.equals(".devspace") || name.equals(".git"))) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Path rel = base.relativize(file);
                    if (matchers.stream().noneMatch(m -> m.matches(rel))) {
                        return FileVisitResult.CONTINUE;
                    }
                    String path = ContextWalker.slashed(rel);
                    if (attrs.isSymbolicLink()) {
                        entries.add(new ContextEntry(path, ContextEntry.Type.SYMLINK, false, Files.readSymbolicLink(file).toString(), 0, file));
                    } else if (attrs.isRegularFile()) {
                        // the stat tuple, as the context walk records it: the stat cache then vouches for unchanged files
                        FileStat stat = FileSystemPort.LOCAL.lstat(file);
                        entries.add(new ContextEntry(path, ContextEntry.Type.FILE, stat.ownerExecutable(), null, stat.size(), file, stat));
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new ConfigException("onChange files under " + base + " cannot be read: " + e.getMessage());
        }
        entries.sort((a, b) -> PathOrder.compare(a.path(), b.path()));
        return new BuildContext(base, entries, null, null, false, List.of());
    }
}
