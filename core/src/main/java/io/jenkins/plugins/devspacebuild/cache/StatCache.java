package io.jenkins.plugins.devspacebuild.cache;

import io.jenkins.plugins.devspacebuild.context.FileStat;
import io.jenkins.plugins.devspacebuild.util.AtomicFiles;
import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.CRC32;

/**
 * The workspace-local stat cache ({@code .devspace/devspace-build-stat-cache}, never part of the cache artifact): per
 * file its stat tuple (size, mtime and ctime in ns, inode, device, mode) and its blob id, so a file whose tuple is
 * unchanged since the last run is not read again.
 * <p><b>Racy entries</b> (git's "racy clean" problem): a file changed in the same timestamp granule as it was hashed
 * could change again without changing its tuple. Each stat cache records when the run that wrote it started; an entry
 * whose mtime or ctime is not at least {@link #RACY_MARGIN_NS} older than that is not trusted and the file is read
 * again (and then recorded against the new run's start). Every modification after the run started gives the file a
 * ctime at or after that start, so it either differs from the recorded tuple or makes the entry racy.
 * <p>Format: {@code "DSBSTAT1"}, format version, the run's start (ns), the base directory, the entries (path relative
 * to the base, mode, size, mtime, ctime, inode, device, digest), then a CRC-32 of everything before it. A missing,
 * corrupt or foreign (another base directory or format) stat cache is ignored with a note, never an error.
 */
public final class StatCache {
    public static final String FILE_NAME = "devspace-build-stat-cache";
    /** Covers file systems with one- or two-second timestamps and small clock differences. */
    static final long RACY_MARGIN_NS = 2_000_000_000L;
    private static final long MAGIC = 0x4453425354415431L; // "DSBSTAT1"
    private static final int FORMAT = 1;

    record Entry(FileStat stat, byte[] digest) {
    }

    private final Path file;
    private final String base;
    private final long previousRunStartNs;
    private final Map<String, Entry> previous;
    private final long runStartNs;
    private final Map<String, Entry> current;
    private final Set<String> walkedPrefixes = ConcurrentHashMap.newKeySet();
    private final String note;
    private volatile boolean dirty;

    private StatCache(Path file, String base, long previousRunStartNs, Map<String, Entry> previous, long runStartNs, String note) {
        this.file = file;
        this.base = base;
        this.previousRunStartNs = previousRunStartNs;
        this.previous = previous;
        this.runStartNs = runStartNs;
        this.note = note;
        this.current = new ConcurrentHashMap<>(Math.max(16, previous.size() * 4 / 3 + 16));
    }

    /**
     * Loads the stat cache of {@code dir} (usually {@code <project>/.devspace}); keys are paths relative to its parent.
     *
     * @param runStartNs when this run started (wall clock, ns); entries recorded now are racy against it next time
     */
    public static StatCache load(Path dir, long runStartNs) {
        Path d = dir.toAbsolutePath().normalize();
        Path file = d.resolve(FILE_NAME);
        String base = d.getParent() == null ? d.toString() : d.getParent().toString();
        byte[] data;
        try {
            data = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return new StatCache(file, base, 0, Map.of(), runStartNs, null);
        } catch (IOException e) {
            return ignored(file, base, runStartNs, "cannot be read (" + e.getMessage() + ")");
        }
        try {
            ByteBuffer b = ByteBuffer.wrap(data);
            if (data.length < 12 || b.getLong() != MAGIC || b.getInt() != FORMAT) {
                return ignored(file, base, runStartNs, "is not a stat cache of this devspace-build version");
            }
            CRC32 crc = new CRC32();
            crc.update(data, 0, data.length - 4);
            if ((int) crc.getValue() != ByteBuffer.wrap(data, data.length - 4, 4).getInt()) {
                return ignored(file, base, runStartNs, "is corrupt (checksum mismatch)");
            }
            long started = b.getLong();
            String storedBase = string(b);
            if (!storedBase.equals(base)) {
                return ignored(file, base, runStartNs, "belongs to " + storedBase);
            }
            int n = b.getInt();
            Map<String, Entry> entries = new HashMap<>(Math.max(16, n * 4 / 3 + 1));
            for (int i = 0; i < n; i++) {
                String path = string(b);
                FileStat s = new FileStat(b.getInt(), b.getLong(), b.getLong(), b.getLong(), b.getLong(), b.getLong());
                byte[] digest = new byte[b.get()];
                b.get(digest);
                entries.put(path, new Entry(s, digest));
            }
            return new StatCache(file, base, started, entries, runStartNs, null);
        } catch (BufferUnderflowException | IllegalArgumentException | NegativeArraySizeException e) {
            return ignored(file, base, runStartNs, "is corrupt (" + e + ")");
        }
    }

    private static StatCache ignored(Path file, String base, long runStartNs, String why) {
        return new StatCache(file, base, 0, Map.of(), runStartNs, "stat cache " + file + " " + why + "; ignored, files are read");
    }

    /** Why the stored stat cache was ignored, or null (none yet, or it was used). */
    public String note() {
        return note;
    }

    /** The digest recorded under {@code key} (see {@link #keyPrefix}) when its tuple is unchanged, not racy and of {@code format}; else null. */
    public byte[] lookup(String key, FileStat now, ObjectFormat format) {
        if (!now.complete()) {
            return null;
        }
        Entry e = previous.get(key);
        if (e == null || !e.stat().equals(now) || e.digest().length != format.length() || racy(e.stat(), previousRunStartNs)) {
            return null;
        }
        current.put(key, e);
        return e.digest();
    }

    /** Records a file's digest with the tuple it had when it was walked (before it was read). */
    public void record(String key, FileStat stat, byte[] digest) {
        if (!stat.complete()) {
            return;
        }
        Entry e = new Entry(stat, digest);
        Entry old = previous.get(key);
        if (old == null || !old.stat().equals(stat) || !java.util.Arrays.equals(old.digest(), digest) || racy(stat, previousRunStartNs)) {
            dirty = true;
        }
        current.put(key, e);
    }

    /**
     * Notes a walked context (entries under it not seen in this run are dropped when writing) and returns the prefix of
     * its files' keys: a file's key is the prefix followed by its path inside the context.
     */
    public String keyPrefix(Path contextRoot) {
        String prefix = key(contextRoot).equals(".") ? "" : key(contextRoot) + "/";
        walkedPrefixes.add(prefix);
        return prefix;
    }

    /** Whether an entry cannot be trusted: changed less than {@link #RACY_MARGIN_NS} before the recording run started. */
    static boolean racy(FileStat s, long runStartNs) {
        return s.changedNs() >= runStartNs - RACY_MARGIN_NS;
    }

    /** Writes the stat cache when anything changed (a temporary file, then an atomic rename). */
    public void write() throws IOException {
        if (!dirty) {
            for (String key : previous.keySet()) {
                if (!current.containsKey(key) && underWalked(key)) {
                    dirty = true; // gone from a context walked in this run
                    break;
                }
            }
        }
        if (!dirty) {
            return;
        }
        Map<String, Entry> out = new HashMap<>(current);
        for (Map.Entry<String, Entry> e : previous.entrySet()) {
            // entries of contexts not walked now are carried over, except racy ones: under this run's later start
            // time they would look settled
            if (!out.containsKey(e.getKey()) && !underWalked(e.getKey()) && !racy(e.getValue().stat(), previousRunStartNs)) {
                out.put(e.getKey(), e.getValue());
            }
        }
        List<byte[]> paths = new ArrayList<>(out.size());
        List<Entry> entries = new ArrayList<>(out.size());
        int bytes = 8 + 4 + 8 + 4 + base.length() * 3 + 4 + 4;
        for (Map.Entry<String, Entry> e : out.entrySet()) {
            byte[] p = e.getKey().getBytes(StandardCharsets.UTF_8);
            paths.add(p);
            entries.add(e.getValue());
            bytes += 4 + p.length + 4 + 5 * 8 + 1 + e.getValue().digest().length;
        }
        ByteBuffer b = ByteBuffer.allocate(bytes);
        b.putLong(MAGIC).putInt(FORMAT).putLong(runStartNs);
        byte[] baseBytes = base.getBytes(StandardCharsets.UTF_8);
        b.putInt(baseBytes.length).put(baseBytes);
        b.putInt(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            FileStat s = entries.get(i).stat();
            b.putInt(paths.get(i).length).put(paths.get(i));
            b.putInt(s.mode()).putLong(s.size()).putLong(s.mtimeNs()).putLong(s.ctimeNs()).putLong(s.inode()).putLong(s.device());
            b.put((byte) entries.get(i).digest().length).put(entries.get(i).digest());
        }
        CRC32 crc = new CRC32();
        crc.update(b.array(), 0, b.position());
        b.putInt((int) crc.getValue());
        AtomicFiles.write(file, java.util.Arrays.copyOf(b.array(), b.position()));
        dirty = false;
    }

    private boolean underWalked(String key) {
        for (String p : walkedPrefixes) {
            if (key.startsWith(p)) {
                return true;
            }
        }
        return false;
    }

    private String key(Path file) {
        String abs = file.toAbsolutePath().normalize().toString();
        if (abs.equals(base)) {
            return ".";
        }
        return abs.startsWith(base + java.io.File.separator) ? abs.substring(base.length() + 1).replace('\\', '/') : abs;
    }

    private static String string(ByteBuffer b) {
        int len = b.getInt();
        if (len < 0 || len > b.remaining()) {
            throw new IllegalArgumentException("bad length " + len);
        }
        String s = new String(b.array(), b.position(), len, StandardCharsets.UTF_8);
        b.position(b.position() + len);
        return s;
    }
}
