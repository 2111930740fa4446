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
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
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
    private boolean posix = true;

    private ContextWalker(Path root, DockerIgnore ignore, String displayPrefix) {
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
        ContextWalker w = new ContextWalker(root, patterns.keepingBuildFiles(dockerfileInContext), prefix.equals(".") ? "" : prefix + "/");
        w.walkDirectory(root, "", DockerIgnore.MatchInfo.NONE);
        w.entries.sort((a, b) -> PathOrder.compare(a.path(), b.path()));
        return new BuildContext(root, w.entries, ignoreDisplay, dockerfileInContext, Files.isRegularFile(general), w.warnings);
    }

    private void walkDirectory(Path dir, String rel, DockerIgnore.MatchInfo dirInfo) throws ConfigException {
        List<Path> children = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path c : ds) {
                children.add(c);
            }
        } catch (AccessDeniedException e) {
            throw unreadable(rel.isEmpty() ? "." : rel, "permission denied");
        } catch (IOException e) {
            throw unreadable(rel.isEmpty() ? "." : rel, e.toString());
        }
        children.sort((a, b) -> PathOrder.compare(a.getFileName().toString(), b.getFileName().toString()));
        for (Path child : children) {
            String name = child.getFileName().toString();
            String path = rel.isEmpty() ? name : rel + "/" + name;
            if (rel.isEmpty() && name.equals(DEVSPACE_DIR)) {
                continue;
            }
            BasicFileAttributes attrs;
            try {
                // one lstat per entry: type, size and (on POSIX) the permissions come together
                attrs = posix ? Files.readAttributes(child, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
                        : Files.readAttributes(child, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (UnsupportedOperationException e) {
                posix = false;
                try {
                    attrs = Files.readAttributes(child, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                } catch (IOException ex) {
                    throw unreadable(path, ex.toString());
                }
            } catch (IOException e) {
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
                // the JVM decodes a name that is not UTF-8 with U+FFFD: sent like that it would differ from the file, and collide
                throw new ConfigException(displayPrefix + path + ": this file name is not valid UTF-8 (shown with \uFFFD where its bytes "
                        + "are); rename it to UTF-8, or exclude it in .dockerignore");
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
                boolean executable = attrs instanceof PosixFileAttributes pa ? pa.permissions().contains(PosixFilePermission.OWNER_EXECUTE)
                        : Files.isExecutable(child);
                entries.add(new ContextEntry(path, ContextEntry.Type.FILE, executable, null, attrs.size(), child));
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
