package io.jenkins.plugins.devspacebuild.builder.embedded;

import io.jenkins.plugins.devspacebuild.context.ContextEntry;

/**
 * One entry of a layer the embedded builder writes.
 *
 * @param path       absolute path in the image, without a trailing '/' (e.g. {@code /app/src})
 * @param type       file, directory or symbolic link
 * @param mode       permission bits (e.g. 0644)
 * @param uid        owner
 * @param gid        group
 * @param linkTarget the link's target, for links
 * @param source     the context entry a file's content comes from (null for directories and links)
 */
public record LayerEntry(String path, ContextEntry.Type type, int mode, int uid, int gid, String linkTarget, ContextEntry source) {

    /** The line of a listing: type, mode, owner, path (and link target), like {@code tar tv}. */
    public String listing() {
        String base = type.letter() + " " + String.format("%04o", mode) + " " + uid + ":" + gid + " " + path;
        return type == ContextEntry.Type.SYMLINK ? base + " -> " + linkTarget : base;
    }
}
