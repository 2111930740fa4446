package io.jenkins.plugins.devspacebuild.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Paths written in devspace.yaml, resolved relative to its directory and confined to the project root, also after
 * following symbolic links.
 */
final class ProjectPaths {
    private final Path root;
    private final Path realRoot;
    private final Path configDir;
    private final String configName;

    ProjectPaths(Path root, Path realRoot, Path configDir, String configName) {
        this.root = root;
        this.realRoot = realRoot;
        this.configDir = configDir;
        this.configName = configName;
    }

    Path configDir() {
        return configDir;
    }

    /** A path as shown in messages: relative to the project root. */
    String display(Path p) {
        String s = root.relativize(p).toString();
        return s.isEmpty() ? "." : s;
    }

    /**
     * Resolves {@code value} of {@code m.key} and checks that it stays inside the project root.
     *
     * @param mustExist the path must exist
     * @param directory when it must exist: it must be a directory
     */
    Path resolveInside(YamlMapping m, String key, String value, boolean mustExist, boolean directory) throws ConfigException {
        Location at = m.has(key) ? m.keyLocation(key) : m.location();
        String field = m.child(key);
        Path p;
        try {
            p = configDir.resolve(value).normalize();
        } catch (InvalidPathException e) {
            throw new ConfigException(at, field, "'" + value + "' is not a valid path");
        }
        if (!p.startsWith(root)) {
            throw new ConfigException(at, field, "'" + value + "' resolves to " + p + ", outside the project root " + root
                    + "; keep Dockerfiles and contexts inside the workspace");
        }
        if (Files.exists(p, LinkOption.NOFOLLOW_LINKS) || Files.exists(p)) {
            try {
                Path real = p.toRealPath();
                if (!real.startsWith(realRoot)) {
                    throw new ConfigException(at, field, "'" + value + "' leads through a symbolic link to " + real
                            + ", outside the project root " + root + "; point it at a real directory inside the workspace");
                }
            } catch (IOException e) {
                throw new ConfigException(at, field, "'" + value + "' cannot be resolved (" + e.getMessage()
                        + "); a symbolic link on the way may be broken");
            }
        }
        if (mustExist) {
            if (!Files.exists(p)) {
                throw new ConfigException(at, field, display(p) + " does not exist; create it or fix the path (it is relative to "
                        + configName + ")");
            }
            if (directory && !Files.isDirectory(p)) {
                throw new ConfigException(at, field, display(p) + " is not a directory; the context must be a directory");
            }
        }
        return p;
    }
}
