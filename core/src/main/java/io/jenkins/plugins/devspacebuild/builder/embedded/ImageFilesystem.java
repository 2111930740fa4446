package io.jenkins.plugins.devspacebuild.builder.embedded;

import io.jenkins.plugins.devspacebuild.context.ContextEntry;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the builder knows of the image's files while it interprets the Dockerfile: everything when the image starts
 * from {@code scratch}, only what the Dockerfile itself created when it starts from a registry image (whose layers are
 * not read). Decides whether a destination is an existing directory and which parent directories a copy creates.
 */
final class ImageFilesystem {
    private final boolean complete;
    private final Map<String, ContextEntry.Type> known = new HashMap<>();

    private ImageFilesystem(boolean complete) {
        this.complete = complete;
    }

    static ImageFilesystem scratch() {
        return new ImageFilesystem(true);
    }

    static ImageFilesystem ofRegistryImage() {
        return new ImageFilesystem(false);
    }

    /** Whether every file of the image is known (a {@code scratch} image). */
    boolean complete() {
        return complete;
    }

    boolean isDirectory(String path) {
        return path.equals("/") || known.get(path) == ContextEntry.Type.DIRECTORY;
    }

    boolean exists(String path) {
        return path.equals("/") || known.containsKey(path);
    }

    /**
     * The directories above {@code path} (exclusive) that do not exist yet, outermost first. Empty when the image's
     * files are not all known: the layer then leaves them out and they are created (0755, root) when it is extracted.
     */
    List<String> missingParents(String path) {
        List<String> out = new ArrayList<>();
        if (!complete) {
            return out;
        }
        String p = parent(path);
        while (!p.equals("/") && !exists(p)) {
            out.add(p);
            p = parent(p);
        }
        Collections.reverse(out);
        return out;
    }

    void record(LayerEntry e) {
        known.put(e.path(), e.type());
    }

    static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash <= 0 ? "/" : path.substring(0, slash);
    }

    /** {@code path.Join} and {@code path.Clean} for absolute paths: no '.', '..' or double slashes, no trailing '/'. */
    static String absolute(String base, String path) {
        String joined = path.startsWith("/") ? path : (base == null ? "/" : base) + "/" + path;
        String cleaned = ContextFiles.clean(joined);
        return "/" + cleaned;
    }

    /** The name of a path's last component. */
    static String baseName(String path) {
        String p = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return p.substring(p.lastIndexOf('/') + 1);
    }

    static String join(String dir, String name) {
        return dir.equals("/") ? "/" + name : dir + "/" + name;
    }
}
