package io.jenkins.plugins.devspacebuild.util;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Keeps what the tool reads and writes inside the project: a path that lies inside the project root as written must
 * also lie inside it once symbolic links are followed (a {@code .devspace} or {@code .dockerignore} linked elsewhere
 * is refused, with the link named). Paths the user gave outside the project (such as an explicit {@code --cache}) are
 * not affected.
 */
public final class ConfinedPaths {
    private ConfinedPaths() {
    }

    /** A path that, after links, leaves the project root; the message names both and what to do. */
    public static final class EscapeException extends IOException {
        private static final long serialVersionUID = 1L;

        public EscapeException(String message) {
            super(message);
        }
    }

    /**
     * @param root   the project root (need not be a real path)
     * @param target a file or directory to read or write (need not exist yet)
     * @param what   what it is, for the message ("the cache", "the .dockerignore")
     */
    public static void requireInside(Path root, Path target, String what) throws IOException {
        Path absRoot = root.toAbsolutePath().normalize();
        Path abs = target.toAbsolutePath().normalize();
        if (!abs.startsWith(absRoot)) {
            return;
        }
        Path realRoot = absRoot.toRealPath();
        // the deepest part that exists, with its links followed, then the rest as written
        Path existing = abs;
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return;
        }
        Path real;
        if (Files.isSymbolicLink(existing) && !Files.exists(existing)) {
            throw new EscapeException(what + " " + abs + " is a symbolic link to " + Files.readSymbolicLink(existing)
                    + ", which does not exist; remove the link");
        }
        real = existing.toRealPath().resolve(existing.relativize(abs).toString()).normalize();
        if (!real.startsWith(realRoot)) {
            throw new EscapeException(what + " " + abs + " leads through a symbolic link to " + real + ", outside the project root " + absRoot
                    + "; replace the link with a real file or directory inside the project");
        }
    }
}
