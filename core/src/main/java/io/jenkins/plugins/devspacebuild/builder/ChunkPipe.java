package io.jenkins.plugins.devspacebuild.builder;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A bounded pipe between the thread that writes the context tar and the one that sends it: chunks of
 * {@value #CHUNK} bytes handed over through a queue of {@value #DEPTH}, so memory stays constant
 * ({@code java.io.PipedInputStream} wakes its peer up to a second late and made uploads several times slower).
 * A failure on either side reaches the other: the reader gets the writer's exception, the writer fails once the reader
 * is closed.
 */
final class ChunkPipe {
    static final int CHUNK = 256 * 1024;
    static final int DEPTH = 8;
    private static final byte[] EOF = new byte[0];

    private final BlockingQueue<byte[]> queue = new ArrayBlockingQueue<>(DEPTH);
    private volatile boolean readerClosed;
    private volatile IOException writerFailure;

    final OutputStream out = new OutputStream() {
        private byte[] buf = new byte[CHUNK];
        private int n;
        private boolean closed;

        @Override
        public void write(int b) throws IOException {
            if (n == buf.length) {
                hand();
            }
            buf[n++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            while (len > 0) {
                if (n == buf.length) {
                    hand();
                }
                int k = Math.min(len, buf.length - n);
                System.arraycopy(b, off, buf, n, k);
                n += k;
                off += k;
                len -= k;
            }
        }

        private void hand() throws IOException {
            put(n == buf.length ? buf : Arrays.copyOf(buf, n));
            buf = new byte[CHUNK];
            n = 0;
        }

        @Override
        public void close() throws IOException {
            if (closed) {
                return;
            }
            closed = true;
            if (n > 0) {
                hand();
            }
            put(EOF);
        }
    };

    final InputStream in = new InputStream() {
        private byte[] current = new byte[0];
        private int pos;
        private boolean eof;

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int r = read(one, 0, 1);
            return r < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            while (pos == current.length) {
                if (eof) {
                    return -1;
                }
                byte[] next;
                try {
                    next = queue.take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("reading the build context was interrupted");
                }
                if (next == EOF) {
                    eof = true;
                    if (writerFailure != null) {
                        throw new IOException("writing the build context failed: " + writerFailure.getMessage(), writerFailure);
                    }
                    return -1;
                }
                current = next;
                pos = 0;
            }
            int k = Math.min(len, current.length - pos);
            System.arraycopy(current, pos, b, off, k);
            pos += k;
            return k;
        }

        @Override
        public void close() {
            readerClosed = true;
            queue.clear();
        }
    };

    /** Ends the stream with a failure: the reader sees it after the data written so far. */
    void fail(IOException e) {
        writerFailure = e;
        try {
            put(EOF);
        } catch (IOException ignored) {
            // the reader is gone already
        }
    }

    private void put(byte[] chunk) throws IOException {
        try {
            while (!queue.offer(chunk, 100, TimeUnit.MILLISECONDS)) {
                if (readerClosed) {
                    throw new IOException("the daemon stopped reading the build context");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("writing the build context was interrupted");
        }
        // once the end is handed over everything was sent: a reader closed since (the build already ended, maybe with
        // the daemon's own error) is no failure of the writer, and must not hide what the daemon said
        if (readerClosed && chunk != EOF) {
            queue.clear();
            throw new IOException("the daemon stopped reading the build context");
        }
    }
}
