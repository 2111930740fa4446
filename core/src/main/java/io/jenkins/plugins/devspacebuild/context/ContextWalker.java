package io.jenkins.plugins.devspacebuild.context;

import io.jenkins.plugins.devspacebuild.config.ConfigException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import io.jenkins.plugins.devspacebuild.util.BoundedFiles;
import io.jenkins.plugins.devspacebuild.util.ConfinedPaths;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Step 3 of the process: loads an image's build context, as the Docker CLI would send it. The ignore file is
 * {@code <Dockerfile>.dockerignore} next to the Dockerfile when it exists (BuildKit's rule), else the context's
 * {@code .dockerignore}. Excluded directories are not entered unless a '!' pattern starts with their path (Docker's
 * rule, so {@code !**}{@code /keep} does not re-include inside an excluded directory). Dockerfile and
 * {@code .dockerignore} are always sent; {@code .devspace/} never. Links are recorded, not followed.
 */
public final class ContextWalker {
    static final String DEVSPACE_DIR = ".devspace";

    private final Path root;
    private final DockerIgnore ignore;
    private final List<ContextEntry> entries = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private final String displayPrefix;
    private final FileSystemPort port;

    private ContextWalker(Path root, DockerIgnore ignore, String displayPrefix, FileSystemPort port) {
        this.port = port;
        this.root = root;
        this.ignore = ignore;
        this.displayPrefix = displayPrefix;
    }

    /**
     * Walks a context.
     *
     * @param context     the context directory
     * @param dockerfile  the Dockerfile (may be outside the context)
     * @param projectRoot for showing paths relative to the project
     */
    public static BuildContext walk(Path context, Path dockerfile, Path projectRoot) throws ConfigException {
        return walk(context, dockerfile, projectRoot, FileSystemPort.LOCAL);
    }

    /** {@link #walk(Path, Path, Path)} through a given file system port (tests count or alter what it sees). */
    public static BuildContext walk(Path context, Path dockerfile, Path projectRoot, FileSystemPort port) throws ConfigException {
        Path root = context.toAbsolutePath().normalize();
        Path df = dockerfile.toAbsolutePath().normalize();
        String dockerfileInContext = df.startsWith(root) && !df.equals(root) ? slashed(root.relativize(df)) : null;

        Path specific = df.resolveSibling(df.getFileName() + ".dockerignore");
        Path general = root.resolve(".dockerignore");
        Path ignorePath = Files.exists(specific) ? specific : Files.exists(general) ? general : null;
        DockerIgnore patterns = DockerIgnore.empty();
        String ignoreDisplay = null;
        if (ignorePath != null) {
            ignoreDisplay = display(projectRoot, ignorePath);
            try {
                ConfinedPaths.requireInside(projectRoot, ignorePath, "the ignore file");
                patterns = DockerIgnore.parse(BoundedFiles.readString(ignorePath, BoundedFiles.SMALL_FILE_LIMIT, "the ignore file"), ignoreDisplay);
            } catch (BoundedFiles.UnreadableFileException | ConfinedPaths.EscapeException e) {
                throw new ConfigException(e.getMessage());
            } catch (IOException e) {
                throw new ConfigException(ignoreDisplay + ": cannot be read (" + e.getMessage() + "); make it readable");
            }
        }
        String prefix = display(projectRoot, root);
        ContextWalker w = new ContextWalker(root, patterns.keepingBuildFiles(dockerfileInContext), prefix.equals(".") ? "" : prefix + "/", port);
        w.walkDirectory(root, "", DockerIgnore.MatchInfo.NONE);
        w.entries.sort((a, b) -> PathOrder.compare(a.path(), b.path()));
        return new BuildContext(root, w.entries, ignoreDisplay, dockerfileInContext, Files.isRegularFile(general), w.warnings);
    }

    private void walkDirectory(Path dir, String rel, DockerIgnore.MatchInfo dirInfo) throws ConfigException {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path c : ds) {
                names.add(c.getFileName().toString());
            }
        } catch (AccessDeniedException e) {
            throw unreadable(rel.isEmpty() ? "." : rel, "permission denied");
        } catch (IOException e) {
            throw unreadable(rel.isEmpty() ? "." : rel, e.toString());
        }
        names.sort(PathOrder.BYTES);
        for (String name : names) {
            Path child = dir.resolve(name);
            String path = rel.isEmpty() ? name : rel + "/" + name;
            if (rel.isEmpty() && name.equals(DEVSPACE_DIR)) {
                continue;
            }
            FileStat attrs;
            try {
                attrs = port.lstat(child); // one lstat per entry: type, size, permissions and the stat tuple come together
            } catch (IOException e) {
                if (name.indexOf('\uFFFD') >= 0) {
                    // a name that is not UTF-8 is listed with U+FFFD and cannot be opened by that name
                    if (ignore.match(path, dirInfo).excluded()) {
                        continue;
                    }
                    throw notUtf8(path);
                }
                throw unreadable(path, e.toString());
            }
            boolean isDir = attrs.isDirectory();
            DockerIgnore.Match m = ignore.match(path, dirInfo);
            if (m.excluded()) {
                if (!isDir || !ignore.hasExclusions() || !reincludesInside(path)) {
                    continue;
                }
                // excluded, but a '!' pattern starts with it: walk it without sending the directory entry itself
                walkDirectory(child, path, m.info());
                continue;
            }
            if (name.indexOf('\uFFFD') >= 0) {
                throw notUtf8(path);
            }
            if (isDir) {
                entries.add(new ContextEntry(path, ContextEntry.Type.DIRECTORY, false, null, 0, child));
                walkDirectory(child, path, m.info());
            } else if (attrs.isSymbolicLink()) {
                try {
                    entries.add(new ContextEntry(path, ContextEntry.Type.SYMLINK, false, Files.readSymbolicLink(child).toString(), 0, child));
                } catch (IOException e) {
                    throw unreadable(path, e.toString());
                }
            } else if (attrs.isRegularFile()) {
                // an unreadable file fails when it is hashed, naming it
                entries.add(new ContextEntry(path, ContextEntry.Type.FILE, attrs.ownerExecutable(), null, attrs.size(), child, attrs));
            } else {
                warnings.add(displayPrefix + path + " is not a regular file, directory or link (a socket, pipe or device); it is not sent");
            }
        }
    }

    private boolean reincludesInside(String dir) {
        String dirSlash = dir + "/";
        for (IgnorePattern p : ignore.patterns()) {
            if (p.isExclusion() && (p.text() + "/").startsWith(dirSlash)) {
                return true;
            }
        }
        return false;
    }

    /** The JVM decodes a name that is not UTF-8 with U+FFFD: sent like that it would differ from the file, and collide. */
    private ConfigException notUtf8(String path) {
        return new ConfigException(displayPrefix + path + ": this file name is not valid UTF-8 (shown with \uFFFD where its bytes "
                + "are); rename it to UTF-8, or exclude it in .dockerignore");
    }

    private ConfigException unreadable(String path, String why) {
        return new ConfigException(displayPrefix + path + ": cannot be read for the build context (" + why
                + "); make it readable, or exclude it in .dockerignore");
    }

    static String slashed(Path rel) {
        return rel.toString().replace('\\', '/');
    }

    private static String display(Path projectRoot, Path p) {
        Path root = projectRoot.toAbsolutePath().normalize();
        if (p.startsWith(root)) {
            String s = slashed(root.relativize(p));
            return s.isEmpty() ? "." : s;
        }
        return p.toString();
    }
}
