package io.jenkins.plugins.devspacebuild.cache;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The content hash of a build context.
 *
 * @param hash        SHA-256 (hex) over each directory's path and the SHA-256 of its direct entries (name, type, mode,
 *                    link target, blob id)
 * @param directories per directory ("." for the context root) a short digest (16 hex) of its direct entries, so a changed
 *                    context can name where it changed
 * @param files       the git blob id of each file's content ({@link ObjectFormat}), by path (used to check the tar
 *                    sends what was hashed)
 */
public record ContextDigest(String hash, Map<String, String> directories, Map<String, byte[]> files) {

    public ContextDigest {
        directories = Collections.unmodifiableMap(new TreeMap<>(directories));
        files = Collections.unmodifiableMap(files);
    }
}
