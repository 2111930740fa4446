package io.jenkins.plugins.devspacebuild.cache;

import io.jenkins.plugins.devspacebuild.context.FileStat;
import io.jenkins.plugins.devspacebuild.context.FileSystemPort;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The git work tree a build context lies in, and what its index vouches for: a tracked file whose stat data matches its
 * index entry, which is not racily clean (changed at or after the index was written) and which no conversion touches
 * (no {@code core.autocrlf}, no {@code filter}/{@code text}/{@code eol}/{@code crlf}/{@code ident}/
 * {@code working-tree-encoding} attribute in any {@code .gitattributes} on its way from the work-tree root, nor in
 * {@code info/attributes} or {@code core.attributesFile}) has the index's blob id as its digest, without being read.
 * Needs no git installation; anything it cannot read or understand makes it vouch for nothing, and files are read.
 */
final class GitWorkTree {
    private static final Pattern CONVERTING = Pattern.compile("(?m)(^\\s*\\[attr\\])|((^|\\s)[-!]?(filter|text|eol|crlf|ident|working-tree-encoding)(=|\\s|$))");

    private final Path root;
    private final Path gitDir;
    private final ObjectFormat format;
    private final FileSystemPort port;
    private final Map<String, Boolean> convertingDirs = new HashMap<>();
    private GitIndex index;
    private long indexMtimeNs;
    private String why; // why nothing is vouched for, or null

    private GitWorkTree(Path root, Path gitDir, ObjectFormat format, FileSystemPort port) {
        this.root = root;
        this.gitDir = gitDir;
        this.format = format;
        this.port = port;
    }

    /** The work tree holding {@code dir}, or null when it lies in none. */
    static GitWorkTree find(Path dir, FileSystemPort port) {
        for (Path d = dir.toAbsolutePath().normalize(); d != null; d = d.getParent()) {
            Path dotGit = d.resolve(".git");
            Path gitDir = null;
            if (Files.isDirectory(dotGit)) {
                gitDir = dotGit;
            } else if (Files.isRegularFile(dotGit)) {
                try {
                    String s = Files.readString(dotGit, StandardCharsets.UTF_8).trim();
                    if (s.startsWith("gitdir:")) {
                        gitDir = d.resolve(s.substring(7).trim()).normalize();
                    }
                } catch (IOException e) {
                    return null;
                }
            }
            if (gitDir != null && Files.isRegularFile(gitDir.resolve("HEAD"))) {
                return open(d, gitDir, port);
            }
        }
        return null;
    }

    private static GitWorkTree open(Path root, Path gitDir, FileSystemPort port) {
        Path common = gitDir;
        try {
            Path commondir = gitDir.resolve("commondir");
            if (Files.isRegularFile(commondir)) {
                common = gitDir.resolve(Files.readString(commondir, StandardCharsets.UTF_8).trim()).normalize();
            }
            GitConfig repo = GitConfig.read(common.resolve("config"));
            ObjectFormat format = "sha256".equals(repo.get("extensions.objectformat")) ? ObjectFormat.SHA256 : ObjectFormat.SHA1;
            GitWorkTree t = new GitWorkTree(root, gitDir, format, port);
            for (GitConfig c : List.of(repo, GitConfig.global(), GitConfig.system())) {
                String autocrlf = c.get("core.autocrlf");
                if (autocrlf != null && !autocrlf.equals("false")) {
                    t.why = "core.autocrlf is " + autocrlf;
                }
                if (c.get("core.attributesfile") != null) {
                    t.why = "core.attributesFile is set";
                }
            }
            if (t.why == null && (converts(common.resolve("info/attributes")) || converts(GitConfig.xdgHome().resolve("git/attributes")))) {
                t.why = "info/attributes or the global attributes file set conversions";
            }
            return t;
        } catch (IOException | IllegalArgumentException e) {
            GitWorkTree t = new GitWorkTree(root, gitDir, ObjectFormat.SHA1, port);
            t.why = "its config cannot be read (" + e.getMessage() + ")";
            return t;
        }
    }

    ObjectFormat format() {
        return format;
    }

    Path root() {
        return root;
    }

    /** Why the index vouches for nothing, or null. Loads the index on first use. */
    String unusable() {
        load();
        return why;
    }

    private void load() {
        if (index != null || why != null) {
            return;
        }
        Path file = gitDir.resolve("index");
        try {
            FileStat before = port.lstat(file);
            byte[] data = Files.readAllBytes(file);
            FileStat after = port.lstat(file);
            if (!before.equals(after)) {
                why = "the index changed while it was read";
                return;
            }
            indexMtimeNs = after.mtimeNs();
            index = GitIndex.parse(data, format);
        } catch (IOException | IllegalArgumentException e) {
            why = "its index cannot be used (" + e.getMessage() + ")";
        }
    }

    /**
     * The prefix of the index paths of a context's files (its path inside the work tree, then '/'), or null when the
     * context does not lie inside this work tree.
     */
    String prefix(Path contextRoot) {
        Path c = contextRoot.toAbsolutePath().normalize();
        if (!c.startsWith(root)) {
            return null;
        }
        String rel = root.relativize(c).toString().replace('\\', '/');
        return rel.isEmpty() ? "" : rel + "/";
    }

    /** The blob id of the file at {@code path} (inside the work tree, '/'-separated) when the index vouches for it (see the class comment), else null. */
    byte[] vouch(String path, FileStat st) {
        load();
        if (why != null || !st.isRegularFile()) {
            return null;
        }
        GitIndex.Entry e = index.get(path);
        if (e == null || !matches(e, st) || racy(st)) {
            return null;
        }
        int slash = path.lastIndexOf('/');
        if (converting(slash < 0 ? "" : path.substring(0, slash))) {
            return null;
        }
        return e.oid();
    }

    /** git's stat comparison: mtime, ctime, inode and size as git stores them (32 bits each). */
    private static boolean matches(GitIndex.Entry e, FileStat st) {
        return e.mtimeSec() == (int) Math.floorDiv(st.mtimeNs(), 1_000_000_000L) && e.mtimeNsec() == (int) Math.floorMod(st.mtimeNs(), 1_000_000_000L)
                && e.ctimeSec() == (int) Math.floorDiv(st.ctimeNs(), 1_000_000_000L) && e.ctimeNsec() == (int) Math.floorMod(st.ctimeNs(), 1_000_000_000L)
                && e.ino() == (int) st.inode() && e.size() == (int) st.size() && st.complete();
    }

    /** Racily clean: changed at or after the index was written, so the index cannot tell it from a later change. */
    private boolean racy(FileStat st) {
        return st.changedNs() >= indexMtimeNs;
    }

    /** Whether a .gitattributes in {@code dir} (relative to the root, "" for it) or above sets a conversion. */
    private boolean converting(String dir) {
        Boolean known = convertingDirs.get(dir);
        if (known != null) {
            return known;
        }
        int slash = dir.lastIndexOf('/');
        boolean c = (!dir.isEmpty() && converting(slash < 0 ? "" : dir.substring(0, slash)))
                || converts(root.resolve(dir).resolve(".gitattributes"));
        convertingDirs.put(dir, c);
        return c;
    }

    /** Whether an attributes file names a conversion attribute or defines a macro (conservative: any mention). */
    private static boolean converts(Path attributes) {
        if (!Files.isRegularFile(attributes)) {
            return false;
        }
        try {
            return CONVERTING.matcher(Files.readString(attributes, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT)).find();
        } catch (IOException e) {
            return true;
        }
    }
}
