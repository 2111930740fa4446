package io.jenkins.plugins.devspacebuild.context;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * Writes a build context as a tar stream, file by file (never the whole context in memory): exactly the entries that
 * were hashed, owned by 0:0, with a fixed modification time and modes from {@link ContextEntry#mode()}, so the same
 * context always gives the same bytes. Each file's content is hashed again while it is copied; a file that changed
 * since it was hashed fails the stream, so the image never differs from what the cache records.
 * <p>{@code overlay} adds generated files (the in-memory Dockerfile) or replaces the content of an entry
 * ({@code .dockerignore}); its entries are written after the context's.
 */
public final class ContextTar {
    /** 2000-01-01T00:00:00Z: a fixed time for every entry. */
    static final long FIXED_TIME_MS = 946_684_800_000L;
    private static final int BUFFER = 64 * 1024;

    private ContextTar() {
    }

    /**
     * @param expected the git blob id each file had when hashed (SHA-1 or SHA-256, by its length), by path; a file
     *                 missing from it is not checked
     * @param overlay  generated content by path
     */
    public static void write(BuildContext context, Map<String, byte[]> expected, Map<String, byte[]> overlay, OutputStream out) throws IOException {
        write(context, expected, overlay, Map.of(), out);
    }

    /**
     * As {@link #write(BuildContext, Map, Map, OutputStream)}, with modes for generated entries (default 0644); an overlay
     * path ending in {@code /} is a directory.
     */
    public static void write(BuildContext context, Map<String, byte[]> expected, Map<String, byte[]> overlay, Map<String, Integer> modes,
                             OutputStream out) throws IOException {
        Map<String, byte[]> remaining = new LinkedHashMap<>(overlay);
        TarArchiveOutputStream tar = open(out);
        byte[] buf = new byte[BUFFER];
        for (ContextEntry e : context.entries()) {
            if (Thread.currentThread().isInterrupted()) {
                throw new java.io.InterruptedIOException("writing the build context was cancelled");
            }
            byte[] generated = remaining.remove(e.path());
            if (generated != null) {
                putBytes(tar, e.path(), generated, 0644);
                continue;
            }
            switch (e.type()) {
                case DIRECTORY -> {
                    TarArchiveEntry t = new TarArchiveEntry(e.path() + "/", TarConstants.LF_DIR, false);
                    base(t, e.mode());
                    tar.putArchiveEntry(t);
                    tar.closeArchiveEntry();
                }
                case SYMLINK -> {
                    TarArchiveEntry t = new TarArchiveEntry(e.path(), TarConstants.LF_SYMLINK, false);
                    base(t, e.mode());
                    t.setLinkName(e.linkTarget());
                    tar.putArchiveEntry(t);
                    tar.closeArchiveEntry();
                }
                case FILE -> {
                    long size = Files.size(e.source());
                    TarArchiveEntry t = new TarArchiveEntry(e.path(), TarConstants.LF_NORMAL, false);
                    base(t, e.mode());
                    t.setSize(size);
                    tar.putArchiveEntry(t);
                    byte[] want = expected.get(e.path());
                    MessageDigest md = want == null ? null : BlobCheck.start(want, size);
                    long copied = 0;
                    try (InputStream in = Files.newInputStream(e.source(), LinkOption.NOFOLLOW_LINKS)) {
                        int n;
                        while (copied < size && (n = in.read(buf, 0, (int) Math.min(buf.length, size - copied))) > 0) {
                            tar.write(buf, 0, n);
                            if (md != null) {
                                md.update(buf, 0, n);
                            }
                            copied += n;
                        }
                    }
                    if (copied != size || (md != null && !Arrays.equals(want, md.digest()))) {
                        throw new IOException(e.path() + " changed while the build was running; run the build again");
                    }
                    tar.closeArchiveEntry();
                }
                default -> throw new IllegalStateException(e.type().toString());
            }
        }
        for (Map.Entry<String, byte[]> g : remaining.entrySet()) {
            int mode = modes.getOrDefault(g.getKey(), 0644);
            if (g.getKey().endsWith("/")) {
                TarArchiveEntry t = new TarArchiveEntry(g.getKey(), TarConstants.LF_DIR, false);
                base(t, mode);
                tar.putArchiveEntry(t);
                tar.closeArchiveEntry();
            } else {
                putBytes(tar, g.getKey(), g.getValue(), mode);
            }
        }
        tar.finish();
        tar.flush();
    }

    /** A tar stream as every tar of the engine is written: POSIX long names and big numbers, UTF-8 names. */
    public static TarArchiveOutputStream open(OutputStream out) {
        TarArchiveOutputStream tar = new TarArchiveOutputStream(out, "UTF-8");
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        tar.setAddPaxHeadersForNonAsciiNames(true);
        return tar;
    }

    private static void putBytes(TarArchiveOutputStream tar, String path, byte[] content, int mode) throws IOException {
        TarArchiveEntry t = new TarArchiveEntry(path, TarConstants.LF_NORMAL, false);
        base(t, mode);
        t.setSize(content.length);
        tar.putArchiveEntry(t);
        tar.write(content);
        tar.closeArchiveEntry();
    }

    private static void base(TarArchiveEntry t, int mode) {
        t.setMode(mode);
        t.setUserId(0);
        t.setGroupId(0);
        t.setUserName("");
        t.setGroupName("");
        t.setModTime(new Date(FIXED_TIME_MS));
    }
}
