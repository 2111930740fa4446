package io.jenkins.plugins.devspacebuild.builder.embedded;

import io.jenkins.plugins.devspacebuild.context.ContextEntry;
import io.jenkins.plugins.devspacebuild.context.PathOrder;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The build context as COPY and ADD see it: the engine's hashed entries (never a new walk of the directory), minus what
 * the daemon removes before the build (the {@code .dockerignore} and the Dockerfile when the sent .dockerignore excludes
 * them). Source paths are resolved as Docker resolves them: relative to the context root, {@code ..} never leaving it,
 * symbolic links on the way followed inside the context.
 */
final class ContextFiles {
    private static final int MAX_LINKS = 255;

    /** A source path resolved to an entry (or to the context root, {@code entry == null}). */
    record Resolved(String name, String path, ContextEntry entry) {
        boolean isDirectory() {
            return entry == null || entry.type() == ContextEntry.Type.DIRECTORY;
        }
    }

    private final TreeMap<String, ContextEntry> byPath = new TreeMap<>();
    private final Set<String> implicitDirectories = new HashSet<>();

    ContextFiles(Collection<ContextEntry> entries) {
        for (ContextEntry e : entries) {
            byPath.put(e.path(), e);
        }
        for (String p : byPath.keySet()) {
            int slash = p.lastIndexOf('/');
            while (slash > 0) {
                String parent = p.substring(0, slash);
                if (!byPath.containsKey(parent) && !implicitDirectories.add(parent)) {
                    break;
                }
                slash = parent.lastIndexOf('/');
            }
        }
    }

    /** Every path, in byte order, as Docker's walk meets them when it matches a wildcard source. */
    List<String> paths() {
        List<String> all = new ArrayList<>(byPath.keySet());
        all.addAll(implicitDirectories);
        all.sort(PathOrder.BYTES);
        return all;
    }

    /** Docker's cleaning of a source path: '/'-separated, relative to the root, no '.', '..' stops at the root. */
    static String clean(String source) {
        Deque<String> parts = new ArrayDeque<>();
        for (String p : source.split("/")) {
            if (p.isEmpty() || p.equals(".")) {
                continue;
            }
            if (p.equals("..")) {
                parts.pollLast();
            } else {
                parts.addLast(p);
            }
        }
        return String.join("/", parts);
    }

    /**
     * Resolves a source path, following symbolic links (also the last component) inside the context.
     *
     * @return empty when nothing is there
     */
    Optional<Resolved> resolve(String source) {
        String name = clean(source);
        List<String> todo = new ArrayList<>(List.of(name.isEmpty() ? new String[0] : name.split("/")));
        List<String> done = new ArrayList<>();
        int links = 0;
        ContextEntry current = null;
        while (!todo.isEmpty()) {
            String part = todo.remove(0);
            if (part.equals(".") || part.isEmpty()) {
                continue;
            }
            if (part.equals("..")) {
                if (!done.isEmpty()) {
                    done.remove(done.size() - 1);
                }
                current = entryOrNull(String.join("/", done));
                continue;
            }
            done.add(part);
            String path = String.join("/", done);
            ContextEntry e = byPath.get(path);
            if (e == null && !implicitDirectories.contains(path)) {
                return Optional.empty();
            }
            if (e != null && e.type() == ContextEntry.Type.SYMLINK) {
                if (++links > MAX_LINKS) {
                    return Optional.empty();
                }
                done.remove(done.size() - 1);
                String target = e.linkTarget();
                if (target.startsWith("/")) {
                    done.clear();
                }
                List<String> replaced = new ArrayList<>(List.of(target.split("/")));
                replaced.addAll(todo);
                todo = replaced;
                current = entryOrNull(String.join("/", done));
                continue;
            }
            current = e;
        }
        String path = String.join("/", done);
        return Optional.of(new Resolved(name, path, path.isEmpty() ? null : current == null ? syntheticDirectory(path) : current));
    }

    private ContextEntry entryOrNull(String path) {
        return path.isEmpty() ? null : byPath.get(path);
    }

    private ContextEntry syntheticDirectory(String path) {
        return new ContextEntry(path, ContextEntry.Type.DIRECTORY, false, null, 0, null);
    }

    /** The entries below a directory (the root when {@code dir} is empty), in byte order of their paths. */
    List<ContextEntry> below(String dir) {
        List<ContextEntry> out = new ArrayList<>();
        if (dir.isEmpty()) {
            out.addAll(byPath.values());
        } else {
            String prefix = dir + "/";
            // '/' + 1 == '0': every path starting with "dir/" sorts before "dir0"
            for (Map.Entry<String, ContextEntry> e : byPath.subMap(prefix, dir + "0").entrySet()) {
                out.add(e.getValue());
            }
        }
        out.sort((a, b) -> PathOrder.compare(a.path(), b.path()));
        return out;
    }
}
