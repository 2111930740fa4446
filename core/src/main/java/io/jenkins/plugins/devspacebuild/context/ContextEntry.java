package io.jenkins.plugins.devspacebuild.context;

import java.nio.file.Path;

/**
 * One entry of a build context as it is sent and hashed.
 *
 * @param path       relative path inside the context, '/'-separated, no trailing '/'
 * @param type       file, directory or symbolic link
 * @param executable the owner-executable bit (files); directories are always 0755, links 0777
 * @param linkTarget the link's target as stored in the link (not followed), or null
 * @param size       content length of a file, else 0
 * @param source     where the content is read from
 * @param stat       the entry's status when it was walked (lets a file be recognised as unchanged), or null
 */
public record ContextEntry(String path, Type type, boolean executable, String linkTarget, long size, Path source, FileStat stat) {

    public ContextEntry(String path, Type type, boolean executable, String linkTarget, long size, Path source) {
        this(path, type, executable, linkTarget, size, source, null);
    }

    public enum Type {
        FILE('f'), DIRECTORY('d'), SYMLINK('l');

        private final char letter;

        Type(char letter) {
            this.letter = letter;
        }

        /** The letter used by {@code context list}: f, d or l. */
        public char letter() {
            return letter;
        }
    }

    /** The tar mode bits: files 0644 or 0755, directories 0755, links 0777 (only the executable bit is taken from disk). */
    public int mode() {
        return switch (type) {
            case FILE -> executable ? 0755 : 0644;
            case DIRECTORY -> 0755;
            case SYMLINK -> 0777;
        };
    }

    /** The line of {@code devspace-build context list}. */
    public String listing() {
        return type == Type.SYMLINK ? "l " + path + " -> " + linkTarget : type.letter() + " " + path;
    }
}
