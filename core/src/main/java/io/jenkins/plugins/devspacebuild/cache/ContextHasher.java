package io.jenkins.plugins.devspacebuild.cache;

import io.jenkins.plugins.devspacebuild.context.BuildContext;
import io.jenkins.plugins.devspacebuild.context.ContextEntry;
import io.jenkins.plugins.devspacebuild.context.FileStat;
import io.jenkins.plugins.devspacebuild.context.FileSystemPort;
import io.jenkins.plugins.devspacebuild.util.Sha256;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Step 4a: the content-based, relative hash of a build context: SHA-256 over each directory's path and the SHA-256 of
 * the records of its direct entries (see {@code LineBuffer}). Only relative paths, types, the executable bit, link
 * targets and each file's git blob id (see {@link ObjectFormat}) go in, so moving or re-cloning the project, or
 * touching files, changes nothing. A file's blob id comes, cheapest first, from the workspace's {@link StatCache} (its
 * stat tuple is unchanged since the last run), from git's index ({@link GitWorkTree}: a tracked, clean, unconverted
 * file), or from reading it; the digest is the same whichever way, so the context hash is too. Files are read on a
 * fixed pool of threads with one reused buffer each (constant memory). A file shared by several images' contexts is
 * read once per run. {@link #close()} writes the stat caches used.
 */
public final class ContextHasher implements AutoCloseable {
    private static final int BUFFER = 256 * 1024;
    private static final HexFormat HEX = HexFormat.of();

    private final ExecutorService pool;
    private final FileSystemPort port;
    private final long runStartNs;
    private final ThreadLocal<ByteBuffer> buffers = ThreadLocal.withInitial(() -> ByteBuffer.allocateDirect(BUFFER));
    private final Map<FileKey, Future<byte[]>> memo = new ConcurrentHashMap<>();
    private final Map<Path, StatCache> statCaches = new ConcurrentHashMap<>();
    private final Map<Path, Optional<GitWorkTree>> workTrees = new ConcurrentHashMap<>();
    private final Map<Path, GitWorkTree> treesByRoot = new ConcurrentHashMap<>();
    private final List<String> notes = new CopyOnWriteArrayList<>();
    private final Counts counts = new Counts();

    private record FileKey(Path path, long size, long modifiedNanos, long inode, ObjectFormat format) {
    }

    /** How the digests of this hasher's files were obtained (for diagnostics and tests). */
    public static final class Counts {
        private final AtomicInteger fromStatCache = new AtomicInteger();
        private final AtomicInteger fromGitIndex = new AtomicInteger();
        private final AtomicInteger read = new AtomicInteger();

        public int fromStatCache() {
            return fromStatCache.get();
        }

        public int fromGitIndex() {
            return fromGitIndex.get();
        }

        public int read() {
            return read.get();
        }

        @Override
        public String toString() {
            return fromStatCache + " from the stat cache, " + fromGitIndex + " from the git index, " + read + " read";
        }
    }

    /** @param threads how many files are read at once */
    public ContextHasher(int threads) {
        this(threads, FileSystemPort.LOCAL);
    }

    /** @param port the file system (tests count what is read) */
    public ContextHasher(int threads, FileSystemPort port) {
        this(threads, port, nowNs());
    }

    /**
     * @param runStartNs when the run started (wall clock, ns): files changed less than two seconds before it are not
     *                   trusted by the stat cache written at the end (racy); tests pass a later time to settle files
     *                   they have just written
     */
    public ContextHasher(int threads, FileSystemPort port, long runStartNs) {
        this.port = port;
        this.runStartNs = runStartNs;
        this.pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "devspace-build-hash");
            t.setDaemon(true);
            return t;
        });
    }

    public static ContextHasher withDefaultThreads() {
        return new ContextHasher(Math.max(2, Runtime.getRuntime().availableProcessors()));
    }

    /** Hashes a context reading every file not vouched for by git's index (no stat cache). */
    public ContextDigest hash(BuildContext context) throws IOException, InterruptedException {
        return hash(context, null);
    }

    /**
     * Hashes a context.
     *
     * @param stateDir the workspace-local directory holding the stat cache (e.g. {@code <project>/.devspace}); null for none
     */
    public ContextDigest hash(BuildContext context, Path stateDir) throws IOException, InterruptedException {
        List<ContextEntry> entries = context.entries();
        StatCache stat = stateDir == null ? null : statCaches.computeIfAbsent(stateDir.toAbsolutePath().normalize(), d -> {
            StatCache c = StatCache.load(d, runStartNs);
            if (c.note() != null) {
                notes.add(c.note());
            }
            return c;
        });
        GitWorkTree tree = workTrees.computeIfAbsent(context.root(), r -> Optional.ofNullable(GitWorkTree.find(r, port))
                .map(t -> treesByRoot.computeIfAbsent(t.root(), x -> t))).orElse(null);
        ObjectFormat format = tree == null ? ObjectFormat.SHA1 : tree.format();
        String keyPrefix = stat == null ? null : stat.keyPrefix(context.root());
        String indexPrefix = tree == null ? null : tree.prefix(context.root());
        List<Future<byte[]>> futures = new ArrayList<>(entries.size());
        FileStat[] stats = new FileStat[entries.size()];
        for (int i = 0; i < entries.size(); i++) {
            ContextEntry e = entries.get(i);
            if (e.type() != ContextEntry.Type.FILE) {
                futures.add(null);
                continue;
            }
            FileStat st = e.stat() != null ? e.stat() : port.lstat(e.source());
            stats[i] = st;
            byte[] known = stat == null ? null : stat.lookup(keyPrefix + e.path(), st, format);
            if (known != null) {
                counts.fromStatCache.incrementAndGet();
            } else if (indexPrefix != null && (known = tree.vouch(indexPrefix + e.path(), st)) != null) {
                counts.fromGitIndex.incrementAndGet();
            }
            futures.add(known != null ? CompletableFuture.completedFuture(known) : fileDigest(e.source(), st, format));
        }
        // per directory, the records of its direct entries; the context hash is a hash of the directories' hashes
        Map<String, LineBuffer> perDir = new HashMap<>();
        Map<String, byte[]> files = new HashMap<>(entries.size() * 4 / 3 + 16);
        try {
            for (int i = 0; i < entries.size(); i++) {
                ContextEntry e = entries.get(i);
                byte[] content = null;
                if (futures.get(i) != null) {
                    content = await(futures.get(i), e);
                    files.put(e.path(), content);
                    if (stat != null) {
                        stat.record(keyPrefix + e.path(), stats[i], content);
                    }
                }
                int slash = e.path().lastIndexOf('/');
                String dir = slash < 0 ? "." : e.path().substring(0, slash);
                perDir.computeIfAbsent(dir, d -> new LineBuffer()).add(e, e.path().substring(slash + 1), content);
                if (e.type() == ContextEntry.Type.DIRECTORY) {
                    perDir.computeIfAbsent(e.path(), d -> new LineBuffer());
                }
            }
        } catch (InterruptedException ie) {
            for (Future<byte[]> f : futures) {
                if (f != null) {
                    f.cancel(true);
                }
            }
            throw ie;
        }
        perDir.computeIfAbsent(".", d -> new LineBuffer());
        List<String> dirNames = new ArrayList<>(perDir.keySet());
        dirNames.sort(io.jenkins.plugins.devspacebuild.context.PathOrder.BYTES);
        MessageDigest md = sha256();
        StringBuilder top = new StringBuilder(dirNames.size() * 100);
        Map<String, String> dirs = new HashMap<>();
        for (String d : dirNames) {
            String hex = HEX.formatHex(perDir.get(d).digest(md));
            dirs.put(d, hex.substring(0, 16));
            top.append(d).append('\0').append(hex).append('\n');
        }
        md.reset();
        return new ContextDigest(HEX.formatHex(md.digest(top.toString().getBytes(StandardCharsets.UTF_8))), dirs, files);
    }

    /** Notes on stat caches or git indexes that were ignored, once each; drained by the call. */
    public List<String> drainNotes() {
        List<String> out = new ArrayList<>(notes);
        notes.removeAll(out);
        return out;
    }

    public Counts counts() {
        return counts;
    }

    /** The blob id of a file's content, shared between contexts within this hasher's life. */
    public Future<byte[]> fileDigest(Path file, ObjectFormat format) throws IOException {
        return fileDigest(file, port.lstat(file), format);
    }

    private Future<byte[]> fileDigest(Path file, FileStat st, ObjectFormat format) {
        FileKey key = new FileKey(file, st.size(), st.mtimeNs(), st.inode(), format);
        return memo.computeIfAbsent(key, k -> CompletableFuture.supplyAsync(() -> {
            try {
                counts.read.incrementAndGet();
                return readDigest(k.path(), k.format());
            } catch (IOException ex) {
                throw new java.io.UncheckedIOException(ex);
            }
        }, pool));
    }

    private byte[] readDigest(Path file, ObjectFormat format) throws IOException {
        ByteBuffer buf = buffers.get();
        try (FileChannel ch = port.open(file)) {
            // the header needs the size before the content: take it from the open file, then check nothing was appended
            long size = ch.size();
            MessageDigest md = format.blobDigest(size);
            long total = 0;
            buf.clear();
            int n;
            while ((n = ch.read(buf)) >= 0) {
                total += n;
                buf.flip();
                md.update(buf);
                buf.clear();
                if (Thread.currentThread().isInterrupted()) {
                    throw new InterruptedIOException("hashing interrupted");
                }
            }
            if (total != size) {
                throw new IOException("it changed size while it was read");
            }
            return md.digest();
        }
    }

    private static byte[] await(Future<byte[]> f, ContextEntry e) throws IOException, InterruptedException {
        try {
            return f.get();
        } catch (java.util.concurrent.CancellationException ex) {
            throw new InterruptedException("hashing was cancelled");
        } catch (ExecutionException ex) {
            Throwable c = ex.getCause();
            if (c instanceof java.io.UncheckedIOException u) {
                c = u.getCause();
            }
            throw new IOException(e.path() + ": cannot be read (" + c + "); make it readable or exclude it in .dockerignore", c);
        }
    }

    /**
     * The records of a directory's direct entries: type letter, name, mode (octal), link target and the file's blob id
     * (raw bytes: its length is the same for every file of a context), separated by NUL (which no name or target
     * contains), each ended by a newline. Collected in one array and hashed in one call: far fewer digest calls than
     * one per entry, which matters before the JIT has compiled SHA-256.
     */
    private static final class LineBuffer {
        private byte[] buf = new byte[256];
        private int len;

        void add(ContextEntry e, String name, byte[] content) {
            byte[] n = name.getBytes(StandardCharsets.UTF_8);
            byte[] link = e.linkTarget() == null ? EMPTY : e.linkTarget().getBytes(StandardCharsets.UTF_8);
            int mode = e.mode();
            ensure(n.length + link.length + (content == null ? 0 : content.length) + 16);
            buf[len++] = (byte) e.type().letter();
            buf[len++] = 0;
            System.arraycopy(n, 0, buf, len, n.length);
            len += n.length;
            buf[len++] = 0;
            buf[len++] = (byte) ('0' + ((mode >> 6) & 7));
            buf[len++] = (byte) ('0' + ((mode >> 3) & 7));
            buf[len++] = (byte) ('0' + (mode & 7));
            buf[len++] = 0;
            System.arraycopy(link, 0, buf, len, link.length);
            len += link.length;
            buf[len++] = 0;
            if (content != null) {
                System.arraycopy(content, 0, buf, len, content.length);
                len += content.length;
            }
            buf[len++] = '\n';
        }

        private void ensure(int more) {
            if (len + more > buf.length) {
                buf = java.util.Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
            }
        }

        byte[] digest(MessageDigest md) {
            md.reset();
            md.update(buf, 0, len);
            return md.digest();
        }
    }

    private static final byte[] EMPTY = new byte[0];

    static MessageDigest sha256() {
        return Sha256.digest();
    }

    /** SHA-256 (hex) of a text, e.g. the in-memory Dockerfile. */
    public static String sha256Hex(String text) {
        return Sha256.hex(text);
    }

    public static long nowNs() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    /** Stops the reading threads and writes the stat caches used (a stat cache that cannot be written is dropped). */
    @Override
    public void close() {
        pool.shutdownNow();
        for (StatCache c : statCaches.values()) {
            try {
                c.write();
            } catch (IOException | RuntimeException e) {
                notes.add("stat cache cannot be written (" + e.getMessage() + "); the next run reads the files again");
            }
        }
        statCaches.clear();
    }
}
