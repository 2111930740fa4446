package io.jenkins.plugins.devspacebuild.context;

import java.nio.file.Path;
import java.util.List;

/**
 * Step 3 of the process, its result: the entries of an image's build context, sorted by path in byte order, exactly as
 * they are hashed and sent.
 *
 * @param root               the context directory
 * @param entries            sorted entries
 * @param ignoreFile         the ignore file that was applied (relative to the project root), or null
 * @param dockerfileInContext the Dockerfile's path inside the context, or null when it lies outside
 * @param hasDockerignore    whether the context has a {@code .dockerignore} at its root
 * @param warnings           entries left out (sockets, devices) and why
 */
public record BuildContext(Path root, List<ContextEntry> entries, String ignoreFile, String dockerfileInContext,
                           boolean hasDockerignore, List<String> warnings) {

    public BuildContext {
        entries = List.copyOf(entries);
        warnings = List.copyOf(warnings);
    }

    public long totalBytes() {
        long t = 0;
        for (ContextEntry e : entries) {
            t += e.size();
        }
        return t;
    }

    public int fileCount() {
        int n = 0;
        for (ContextEntry e : entries) {
            if (e.type() == ContextEntry.Type.FILE) {
                n++;
            }
        }
        return n;
    }
}
