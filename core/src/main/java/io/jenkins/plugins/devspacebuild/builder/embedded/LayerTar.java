package io.jenkins.plugins.devspacebuild.builder.embedded;

import io.jenkins.plugins.devspacebuild.context.ContextEntry;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import io.jenkins.plugins.devspacebuild.context.ContextTar;
import io.jenkins.plugins.devspacebuild.context.BlobCheck;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Date;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * Writes a layer as an uncompressed tar, file by file: the entries in their order, owners and modes as planned, links as
 * links, and one fixed modification time (2000-01-01, the time the context tar gives every file, so a Docker build of
 * the same context has the same times). The same plan always gives the same bytes. Each file's content is checked
 * against the hash taken when the context was hashed: a file that changed since fails the layer.
 */
public final class LayerTar {
    /** 2000-01-01T00:00:00Z, as the engine's context tar. */
    public static final long FIXED_TIME_MS = 946_684_800_000L;
    private static final int BUFFER = 64 * 1024;

    private LayerTar() {
    }

    /** @param expected the git blob id of each context file when it was hashed, by context path */
    public static void write(LayerPlan layer, Map<String, byte[]> expected, OutputStream out) throws IOException {
        TarArchiveOutputStream tar = ContextTar.open(out);
        byte[] buf = new byte[BUFFER];
        for (LayerEntry e : layer.entries()) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedIOException("writing the layer was cancelled");
            }
            String name = e.path().substring(1);
            switch (e.type()) {
                case DIRECTORY -> {
                    TarArchiveEntry t = new TarArchiveEntry(name + "/", TarConstants.LF_DIR, false);
                    base(t, e);
                    tar.putArchiveEntry(t);
                    tar.closeArchiveEntry();
                }
                case SYMLINK -> {
                    TarArchiveEntry t = new TarArchiveEntry(name, TarConstants.LF_SYMLINK, false);
                    base(t, e);
                    t.setLinkName(e.linkTarget());
                    tar.putArchiveEntry(t);
                    tar.closeArchiveEntry();
                }
                case FILE -> {
                    ContextEntry src = e.source();
                    long size = Files.size(src.source());
                    TarArchiveEntry t = new TarArchiveEntry(name, TarConstants.LF_NORMAL, false);
                    base(t, e);
                    t.setSize(size);
                    tar.putArchiveEntry(t);
                    byte[] want = expected.get(src.path());
                    MessageDigest md = want == null ? null : BlobCheck.start(want, size);
                    long copied = 0;
                    try (InputStream in = Files.newInputStream(src.source(), LinkOption.NOFOLLOW_LINKS)) {
                        int n;
                        while (copied < size && (n = in.read(buf, 0, (int) Math.min(buf.length, size - copied))) > 0) {
                            if (Thread.currentThread().isInterrupted()) {
                                throw new InterruptedIOException("writing the layer was cancelled");
                            }
                            tar.write(buf, 0, n);
                            if (md != null) {
                                md.update(buf, 0, n);
                            }
                            copied += n;
                        }
                    }
                    if (copied != size || size != src.size() || (md != null && !Arrays.equals(want, md.digest()))) {
                        throw new IOException(src.path() + " changed while the build was running; run the build again");
                    }
                    tar.closeArchiveEntry();
                }
                default -> throw new IllegalStateException(e.type().toString());
            }
        }
        tar.finish();
        tar.flush();
    }

    private static void base(TarArchiveEntry t, LayerEntry e) {
        t.setMode(e.mode());
        t.setUserId(e.uid());
        t.setGroupId(e.gid());
        t.setUserName("");
        t.setGroupName("");
        t.setModTime(new Date(FIXED_TIME_MS));
    }
}
