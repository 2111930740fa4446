package io.jenkins.plugins.devspacebuild.cache;

import io.jenkins.plugins.devspacebuild.context.BuildContext;
import io.jenkins.plugins.devspacebuild.context.ContextEntry;
import io.jenkins.plugins.devspacebuild.util.Sha256;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Step 4a: the content-based, relative hash of a build context. Only relative paths, types, the executable bit, link
 * targets and SHA-256 of contents go in, so moving or re-cloning the project, or touching files, changes nothing.
 * Files are read on a fixed pool of threads with one reused buffer each (constant memory). A file shared by several
 * images' contexts is read once per run.
 */
public final class ContextHasher implements AutoCloseable {
    private static final int BUFFER = 256 * 1024;
    private static final HexFormat HEX = HexFormat.of();

    private final ExecutorService pool;
    private final ThreadLocal<ByteBuffer> buffers = ThreadLocal.withInitial(() -> ByteBuffer.allocateDirect(BUFFER));
    private final ThreadLocal<MessageDigest> digests = ThreadLocal.withInitial(ContextHasher::sha256);
    private final Map<FileKey, Future<byte[]>> memo = new ConcurrentHashMap<>();

    private record FileKey(Path path, long size, long modifiedNanos, Object inode) {
    }

    /** @param threads how many files are read at once */
    public ContextHasher(int threads) {
        this.pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "devspace-build-hash");
            t.setDaemon(true);
            return t;
        });
    }

    public static ContextHasher withDefaultThreads() {
        return new ContextHasher(Math.max(2, Runtime.getRuntime().availableProcessors()));
    }

    public ContextDigest hash(BuildContext context) throws IOException, InterruptedException {
        List<ContextEntry> entries = context.entries();
        List<Future<byte[]>> futures = new ArrayList<>(entries.size());
        for (ContextEntry e : entries) {
            futures.add(e.type() == ContextEntry.Type.FILE ? fileDigest(e.source()) : null);
        }
        MessageDigest total = sha256();
        Map<String, MessageDigest> perDir = new HashMap<>();
        Map<String, byte[]> files = new HashMap<>();
        try {
            for (int i = 0; i < entries.size(); i++) {
                ContextEntry e = entries.get(i);
                byte[] content = null;
                if (futures.get(i) != null) {
                    content = await(futures.get(i), e);
                    files.put(e.path(), content);
                }
                total.update(line(e, e.path(), content));
                int slash = e.path().lastIndexOf('/');
                String dir = slash < 0 ? "." : e.path().substring(0, slash);
                perDir.computeIfAbsent(dir, d -> sha256()).update(line(e, e.path().substring(slash + 1), content));
                if (e.type() == ContextEntry.Type.DIRECTORY) {
                    perDir.computeIfAbsent(e.path(), d -> sha256());
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
        perDir.computeIfAbsent(".", d -> sha256());
        Map<String, String> dirs = new HashMap<>();
        perDir.forEach((d, md) -> dirs.put(d, HEX.formatHex(md.digest()).substring(0, 16)));
        return new ContextDigest(HEX.formatHex(total.digest()), dirs, files);
    }

    /** SHA-256 of a file's content, shared between contexts within this hasher's life. */
    public Future<byte[]> fileDigest(Path file) throws IOException {
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        FileKey key = new FileKey(file, a.size(), a.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS), a.fileKey());
        return memo.computeIfAbsent(key, k -> CompletableFuture.supplyAsync(() -> {
            try {
                return readDigest(k.path());
            } catch (IOException ex) {
                throw new java.io.UncheckedIOException(ex);
            }
        }, pool));
    }

    private byte[] readDigest(Path file) throws IOException {
        MessageDigest md = digests.get();
        md.reset();
        ByteBuffer buf = buffers.get();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            buf.clear();
            while (ch.read(buf) >= 0) {
                buf.flip();
                md.update(buf);
                buf.clear();
                if (Thread.currentThread().isInterrupted()) {
                    throw new InterruptedIOException("hashing interrupted");
                }
            }
        }
        return md.digest();
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

    /** The canonical record of one entry: fields separated by NUL (which no path or link target contains). */
    private static byte[] line(ContextEntry e, String name, byte[] content) {
        String s = e.type().letter() + "\0" + name + "\0" + Integer.toOctalString(e.mode()) + "\0"
                + (e.linkTarget() == null ? "" : e.linkTarget()) + "\0" + (content == null ? "" : HEX.formatHex(content)) + "\n";
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static MessageDigest sha256() {
        return Sha256.digest();
    }

    /** SHA-256 (hex) of a text, e.g. the in-memory Dockerfile. */
    public static String sha256Hex(String text) {
        return Sha256.hex(text);
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
