package io.jenkins.plugins.devspacebuild.util;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;

/**
 * Reads the files the tool is given (cache, password files, Docker's config.json, .dockerignore, devspace.yaml,
 * Dockerfiles) safely: only a regular file (a FIFO or device is refused before it is opened, so nothing blocks or
 * streams forever), only up to a limit checked before reading (and again while reading, for files whose size lies,
 * such as those in /proc), and text only as valid UTF-8. Errors name the file, the problem and the limit; they never
 * quote the content.
 */
public final class BoundedFiles {
    /** For small documents: Docker's config.json, .dockerignore, password files. */
    public static final long SMALL_FILE_LIMIT = 1L << 20;
    /** For the cache document (a few hundred bytes per image). */
    public static final long CACHE_LIMIT = 64L << 20;
    /** A kubeconfig (it may embed certificates). */
    public static final long KUBECONFIG_LIMIT = 16L << 20;
    /** For devspace.yaml and Dockerfiles. */
    public static final long CONFIG_LIMIT = 4L << 20;

    private BoundedFiles() {
    }

    /** A file that cannot be read as asked; the message is complete (file, problem, what to do). */
    public static final class UnreadableFileException extends IOException {
        private static final long serialVersionUID = 1L;

        public UnreadableFileException(String message) {
            super(message);
        }
    }

    /**
     * The file's bytes.
     *
     * @param what what the file is, for messages ("the password file", "the cache")
     * @throws NoSuchFileException when it does not exist
     */
    public static byte[] readBytes(Path file, long limit, String what) throws IOException {
        BasicFileAttributes attrs = requireRegularFile(file, what);
        if (attrs.size() > limit) {
            throw tooLarge(file, limit, what, attrs.size());
        }
        try (SeekableByteChannel ch = Files.newByteChannel(file)) {
            ByteBuffer buf = ByteBuffer.allocate((int) Math.min(limit + 1, Math.max(attrs.size() + 1, 8192)));
            while (true) {
                if (!buf.hasRemaining()) {
                    if (buf.capacity() > limit) {
                        throw tooLarge(file, limit, what, -1);
                    }
                    ByteBuffer bigger = ByteBuffer.allocate((int) Math.min(limit + 1, (long) buf.capacity() * 2));
                    buf.flip();
                    bigger.put(buf);
                    buf = bigger;
                }
                if (ch.read(buf) < 0) {
                    break;
                }
            }
            return Arrays.copyOf(buf.array(), buf.position());
        }
    }

    /** The file as UTF-8 text; invalid UTF-8 is an error naming the byte offset. */
    public static String readString(Path file, long limit, String what) throws IOException {
        byte[] bytes = readBytes(file, limit, what);
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        var result = decoder.decode(in, out, true);
        if (result.isError()) {
            throw new UnreadableFileException(what + " " + file + " is not UTF-8 text (invalid byte at offset " + in.position()
                    + "); save it as UTF-8");
        }
        decoder.flush(out);
        return out.flip().toString();
    }

    /**
     * Checks, without opening it, that the file is a regular file (links followed).
     *
     * @throws NoSuchFileException when it does not exist
     */
    public static BasicFileAttributes requireRegularFile(Path file, String what) throws IOException {
        BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class);
        if (!attrs.isRegularFile()) {
            throw new UnreadableFileException(what + " " + file + " is " + kind(attrs) + ", not a regular file; give the path of a file");
        }
        return attrs;
    }

    private static String kind(BasicFileAttributes attrs) {
        if (attrs.isDirectory()) {
            return "a directory";
        }
        return "a FIFO, socket or device";
    }

    private static UnreadableFileException tooLarge(Path file, long limit, String what, long size) {
        return new UnreadableFileException(what + " " + file + (size >= 0 ? " is " + human(size) : " grows while being read")
                + ", more than the limit of " + human(limit) + "; give the right file");
    }

    static String human(long bytes) {
        if (bytes >= 1L << 30) {
            return String.format(java.util.Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30));
        }
        if (bytes >= 1L << 20) {
            return String.format(java.util.Locale.ROOT, "%.1f MiB", bytes / (double) (1L << 20));
        }
        if (bytes >= 1L << 10) {
            return String.format(java.util.Locale.ROOT, "%.1f KiB", bytes / (double) (1L << 10));
        }
        return bytes + " bytes";
    }
}
