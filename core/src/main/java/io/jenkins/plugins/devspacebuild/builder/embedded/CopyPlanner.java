package io.jenkins.plugins.devspacebuild.builder.embedded;

import io.jenkins.plugins.devspacebuild.context.ContextEntry;
import io.jenkins.plugins.devspacebuild.context.PathOrder;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns one COPY or ADD into layer entries with Docker's rules:
 * <ul>
 * <li>sources are context paths ({@code ..} cannot leave the context; links on the way are followed); a source with
 * wildcards matches every context path it fits, and must match one</li>
 * <li>a directory source copies its contents, not the directory itself; links inside it stay links</li>
 * <li>the destination is a directory when it ends with '/' (or is {@code .}), or already is one (the WORKDIR, or a
 * directory made earlier); a file source then keeps its name. Several sources need a directory destination</li>
 * <li>a relative destination is relative to the WORKDIR</li>
 * <li>{@code --chown} gives the copied entries (and the directories the copy creates) that owner;
 * {@code --chmod} gives every copied file and directory that mode (BuildKit's rule; links keep 0777)</li>
 * <li>ADD of a local tar archive (plain or compressed, recognised by content) would be extracted by Docker: refused;
 * ADD of URLs: refused</li>
 * </ul>
 */
final class CopyPlanner {

    /** What one COPY/ADD asks for, variables expanded. */
    record Request(String keyword, List<String> sources, String destination, String workdir, int uid, int gid, Integer chmod) {
        Request {
            sources = List.copyOf(sources);
        }

        /** The mode of a copied file or directory: {@code --chmod} when given. */
        int mode(int own) {
            return chmod != null ? chmod : own;
        }
    }

    private final ContextFiles context;
    private final ImageFilesystem fs;
    private final String where;

    /** @param where the start of every message: {@code "Dockerfile:7: COPY: "} */
    CopyPlanner(ContextFiles context, ImageFilesystem fs, String where) {
        this.context = context;
        this.fs = fs;
        this.where = where;
    }

    List<LayerEntry> plan(Request r) throws DockerfileProblem {
        boolean add = r.keyword().equals("ADD");
        String destRaw = r.destination();
        boolean destIsDirectory = destRaw.endsWith("/") || destRaw.equals(".") || destRaw.endsWith("/.");
        String dest = ImageFilesystem.absolute(r.workdir(), destRaw);
        List<ContextFiles.Resolved> infos = new ArrayList<>();
        for (String source : r.sources()) {
            if (add && isUrl(source)) {
                throw new DockerfileProblem(where + "ADD of a URL (" + source + ") downloads it, which the embedded builder does not do; "
                        + "download it into the context and COPY it, or build this image with the docker or kaniko builder");
            }
            String cleaned = ContextFiles.clean(source);
            if (SourcePattern.hasWildcards(cleaned)) {
                SourcePattern pattern = new SourcePattern(cleaned);
                int before = infos.size();
                try {
                    for (String path : context.paths()) {
                        if (pattern.matches(path)) {
                            context.resolve(path).ifPresent(infos::add);
                        }
                    }
                } catch (IllegalArgumentException e) {
                    throw new DockerfileProblem(where + e.getMessage());
                }
                if (infos.size() == before) {
                    throw new DockerfileProblem(where + "no source files were specified: nothing in the build context matches '" + source
                            + "' (or .dockerignore excludes it)");
                }
            } else {
                infos.add(context.resolve(cleaned).orElseThrow(() -> new DockerfileProblem(where + "file not found in build context or "
                        + "excluded by .dockerignore: " + source)));
            }
        }
        if (infos.size() > 1 && !destIsDirectory) {
            throw new DockerfileProblem(where + "when using " + r.keyword() + " with more than one source file, the destination must be a "
                    + "directory and end with a / (" + destRaw + ")");
        }
        Map<String, LayerEntry> out = new LinkedHashMap<>();
        for (ContextFiles.Resolved info : infos) {
            if (info.isDirectory()) {
                copyDirectory(info, dest, r, out);
            } else {
                if (add && isArchive(info.entry())) {
                    throw new DockerfileProblem(where + info.name() + " is a tar archive, which ADD extracts; the embedded builder does "
                            + "not extract archives: use COPY to copy it as it is, or build this image with the docker or kaniko builder");
                }
                boolean intoDirectory = destIsDirectory || fs.isDirectory(dest) || dest.equals(ImageFilesystem.absolute(r.workdir(), "."));
                String target = intoDirectory ? ImageFilesystem.join(dest, ImageFilesystem.baseName(info.name())) : dest;
                for (String parent : fs.missingParents(target)) {
                    if (!out.containsKey(parent)) {
                        put(out, new LayerEntry(parent, ContextEntry.Type.DIRECTORY, 0755, r.uid(), r.gid(), null, null));
                    }
                }
                ContextEntry e = info.entry();
                put(out, new LayerEntry(target, ContextEntry.Type.FILE, r.mode(e.mode()), r.uid(), r.gid(), null, e));
            }
        }
        List<LayerEntry> sorted = new ArrayList<>(out.values());
        sorted.sort((a, b) -> PathOrder.compare(a.path(), b.path()));
        sorted.forEach(fs::record);
        return sorted;
    }

    private void copyDirectory(ContextFiles.Resolved info, String dest, Request r, Map<String, LayerEntry> out) {
        if (!dest.equals("/") && !fs.isDirectory(dest) && !out.containsKey(dest)) {
            for (String parent : fs.missingParents(dest)) {
                if (!out.containsKey(parent)) {
                    put(out, new LayerEntry(parent, ContextEntry.Type.DIRECTORY, 0755, 0, 0, null, null));
                }
            }
            // the destination itself is new (when all files are known) or unknown: it gets the copy's owner; without
            // --chown/--chmod an unknown one is left to the base image (or created 0755 root on extraction)
            if (fs.complete() || r.uid() != 0 || r.gid() != 0 || r.chmod() != null) {
                put(out, new LayerEntry(dest, ContextEntry.Type.DIRECTORY, r.mode(0755), r.uid(), r.gid(), null, null));
            }
        }
        String prefix = info.path().isEmpty() ? "" : info.path() + "/";
        for (ContextEntry e : context.below(info.path())) {
            String target = ImageFilesystem.join(dest, e.path().substring(prefix.length()));
            LayerEntry le = switch (e.type()) {
                case DIRECTORY -> new LayerEntry(target, ContextEntry.Type.DIRECTORY, r.mode(0755), r.uid(), r.gid(), null, null);
                case FILE -> new LayerEntry(target, ContextEntry.Type.FILE, r.mode(e.mode()), r.uid(), r.gid(), null, e);
                case SYMLINK -> new LayerEntry(target, ContextEntry.Type.SYMLINK, 0777, r.uid(), r.gid(), e.linkTarget(), null);
            };
            for (String parent : fs.missingParents(target)) {
                if (!out.containsKey(parent)) {
                    put(out, new LayerEntry(parent, ContextEntry.Type.DIRECTORY, 0755, r.uid(), r.gid(), null, null));
                }
            }
            put(out, le);
        }
    }

    private static void put(Map<String, LayerEntry> out, LayerEntry e) {
        out.remove(e.path());
        out.put(e.path(), e);
    }

    private boolean isArchive(ContextEntry e) throws DockerfileProblem {
        if (e.source() == null) {
            return false;
        }
        try {
            return ArchiveSniffer.isArchive(e.source());
        } catch (IOException ex) {
            throw new DockerfileProblem(where + e.path() + " cannot be read (" + ex.getMessage() + ")");
        }
    }

    static boolean isUrl(String source) {
        String s = source.toLowerCase(java.util.Locale.ROOT);
        return s.startsWith("http://") || s.startsWith("https://") || s.startsWith("git@") || s.startsWith("git://")
                || s.startsWith("ssh://");
    }
}
