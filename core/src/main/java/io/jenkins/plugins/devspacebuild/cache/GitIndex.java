package io.jenkins.plugins.devspacebuild.cache;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The entries of a git index file ({@code .git/index}, versions 2 to 4, SHA-1 or SHA-256), as far as vouching for a
 * file needs: per path its stat data, mode, flags and blob id. Conflicted, intent-to-add, skip-worktree and
 * assume-unchanged entries, links, submodules and sparse directories are left out (their files are read). A split
 * index ({@code link} extension) is not used at all.
 */
final class GitIndex {
    private static final int SIGNATURE = 0x44495243; // "DIRC"

    /** One index entry: seconds and nanoseconds as git stores them (32-bit, unsigned). */
    record Entry(int ctimeSec, int ctimeNsec, int mtimeSec, int mtimeNsec, int ino, int mode, int size, byte[] oid) {
    }

    private final Map<String, Entry> entries;

    private GitIndex(Map<String, Entry> entries) {
        this.entries = entries;
    }

    Entry get(String path) {
        return entries.get(path);
    }

    int size() {
        return entries.size();
    }

    /**
     * Parses an index.
     *
     * @throws IllegalArgumentException when it is not an index this reader understands
     */
    static GitIndex parse(byte[] data, ObjectFormat format) {
        try {
            return parse(ByteBuffer.wrap(data), format.length());
        } catch (BufferUnderflowException | IndexOutOfBoundsException e) {
            throw new IllegalArgumentException("truncated index", e);
        }
    }

    private static GitIndex parse(ByteBuffer b, int hashLen) {
        if (b.getInt() != SIGNATURE) {
            throw new IllegalArgumentException("not a git index");
        }
        int version = b.getInt();
        if (version < 2 || version > 4) {
            throw new IllegalArgumentException("index version " + version);
        }
        int count = b.getInt();
        Map<String, Entry> out = new HashMap<>(Math.max(16, count * 4 / 3 + 1));
        byte[] array = b.array();
        byte[] previous = new byte[0];
        int prevLen = 0;
        for (int i = 0; i < count; i++) {
            int start = b.position();
            int ctimeSec = b.getInt();
            int ctimeNsec = b.getInt();
            int mtimeSec = b.getInt();
            int mtimeNsec = b.getInt();
            b.getInt(); // dev: git does not compare it by default
            int ino = b.getInt();
            int mode = b.getInt();
            b.getInt(); // uid
            b.getInt(); // gid
            int size = b.getInt();
            byte[] oid = new byte[hashLen];
            b.get(oid);
            int flags = Short.toUnsignedInt(b.getShort());
            int extended = 0;
            if ((flags & 0x4000) != 0) {
                if (version < 3) {
                    throw new IllegalArgumentException("extended flag in a version 2 index");
                }
                extended = Short.toUnsignedInt(b.getShort());
            }
            byte[] path;
            if (version == 4) {
                int strip = varint(b);
                int end = nul(array, b.position());
                int keep = prevLen - strip;
                if (keep < 0) {
                    throw new IllegalArgumentException("bad path compression");
                }
                int suffix = end - b.position();
                path = new byte[keep + suffix];
                System.arraycopy(previous, 0, path, 0, keep);
                System.arraycopy(array, b.position(), path, keep, suffix);
                b.position(end + 1);
            } else {
                int end = nul(array, b.position());
                path = java.util.Arrays.copyOfRange(array, b.position(), end);
                int fixed = b.position() - start;
                b.position(start + ((fixed + path.length + 8) & ~7));
            }
            previous = path;
            prevLen = path.length;
            boolean assumeValid = (flags & 0x8000) != 0;
            int stage = (flags >> 12) & 3;
            boolean skipWorktree = (extended & 0x4000) != 0;
            boolean intentToAdd = (extended & 0x2000) != 0;
            int type = mode & 0170000;
            if (!assumeValid && stage == 0 && !skipWorktree && !intentToAdd && type == 0100000) {
                out.put(new String(path, StandardCharsets.UTF_8), new Entry(ctimeSec, ctimeNsec, mtimeSec, mtimeNsec, ino, mode, size, oid));
            }
        }
        while (b.remaining() > hashLen) {
            int sig = b.getInt();
            int len = b.getInt();
            if (sig == 0x6c696e6b) { // "link": split index, the entries above are not all of them
                throw new IllegalArgumentException("split index");
            }
            if (len < 0 || len > b.remaining()) {
                throw new IllegalArgumentException("bad extension length");
            }
            b.position(b.position() + len);
        }
        return new GitIndex(out);
    }

    /** git's offset varint: 7 bits a byte, high bit continues, each continuation adds one. */
    private static int varint(ByteBuffer b) {
        int c = Byte.toUnsignedInt(b.get());
        int val = c & 127;
        while ((c & 128) != 0) {
            c = Byte.toUnsignedInt(b.get());
            val = ((val + 1) << 7) | (c & 127);
        }
        return val;
    }

    private static int nul(byte[] a, int from) {
        for (int i = from; i < a.length; i++) {
            if (a[i] == 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("unterminated path");
    }
}
