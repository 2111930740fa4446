package io.jenkins.plugins.devspacebuild.context;

import io.jenkins.plugins.devspacebuild.config.ConfigException;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
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
            walk(base, "", matchers, entries);
        } catch (IOException e) {
            throw new ConfigException("onChange files under " + base + " cannot be read: " + e.getMessage());
        }
        entries.sort((a, b) -> PathOrder.compare(a.path(), b.path()));
        return new BuildContext(base, entries, null, null, false, List.of());
    }

    /** One {@code lstat} per entry (it also gives the stat tuple the stat cache keys on), names in byte order. */
    private static void walk(Path dir, String rel, List<PathMatcher> matchers, List<ContextEntry> entries) throws IOException {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> list = Files.newDirectoryStream(dir)) {
            list.forEach(p -> names.add(p.getFileName().toString()));
        }
        names.sort(PathOrder.BYTES);
        for (String name : names) {
            Path child = dir.resolve(name);
            String path = rel.isEmpty() ? name : rel + "/" + name;
            FileStat stat = FileSystemPort.LOCAL.lstat(child);
            if (stat.isDirectory()) {
                if (!name.equals(".devspace") && !name.equals(".git")) {
                    walk(child, path, matchers, entries);
                }
                continue;
            }
            Path relative = Path.of(path);
            if (matchers.stream().noneMatch(m -> m.matches(relative))) {
                continue;
            }
            if (stat.isSymbolicLink()) {
                entries.add(new ContextEntry(path, ContextEntry.Type.SYMLINK, false, Files.readSymbolicLink(child).toString(), 0, child));
            } else if (stat.isRegularFile()) {
                entries.add(new ContextEntry(path, ContextEntry.Type.FILE, stat.ownerExecutable(), null, stat.size(), child, stat));
            }
        }
    }
}
