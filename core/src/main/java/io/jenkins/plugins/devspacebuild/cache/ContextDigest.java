package io.jenkins.plugins.devspacebuild.cache;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The content hash of a build context.
 *
 * @param hash        SHA-256 (hex) over the sorted entries: path, type, mode, link target and content digest
 * @param directories per directory ("." for the context root) a short digest of its direct entries, so a changed
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
