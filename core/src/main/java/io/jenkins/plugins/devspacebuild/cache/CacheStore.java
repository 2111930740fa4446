package io.jenkins.plugins.devspacebuild.cache;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import io.jenkins.plugins.devspacebuild.util.ReferenceGrammar;
import java.util.TreeMap;
import io.jenkins.plugins.devspacebuild.util.AtomicFiles;
import io.jenkins.plugins.devspacebuild.util.BoundedFiles;

/**
 * Reads and writes the cache document ({@code devspace-build-cache.json}). Writing goes to a temporary file in the
 * same directory, then an atomic rename, so a reader never sees half a file. Reading never fails: a missing, corrupt or
 * newer-version document gives an empty cache and a warning (every image is then rebuilt).
 */
public final class CacheStore {
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(SerializationFeature.INDENT_OUTPUT, true)
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    /** The document as stored. */
    record Document(int version, Map<String, CacheEntry> images) {
    }

    /**
     * The result of reading a cache.
     *
     * @param cache        the cache, empty when nothing usable was found
     * @param warning      why nothing usable was found, or null
     * @param newerVersion the document was written by a newer devspace-build: it is never written over
     */
    public record Loaded(BuildCache cache, String warning, boolean newerVersion) {
        public Loaded(BuildCache cache, String warning) {
            this(cache, warning, false);
        }
    }

    /** What {@link #merge} did. */
    public enum Merged {
        WRITTEN,
        /** the file holds a cache of a newer format version: it was left untouched */
        LEFT_NEWER_VERSION
    }

    private CacheStore() {
    }

    public static Loaded read(Path file) {
        if (!Files.exists(file)) {
            return new Loaded(BuildCache.empty(), "no cache at " + file + " yet: every image is built");
        }
        try {
            return parse(BoundedFiles.readString(file, BoundedFiles.CACHE_LIMIT, "the cache"), file.toString());
        } catch (BoundedFiles.UnreadableFileException e) {
            return new Loaded(BuildCache.empty(), e.getMessage() + ": every image is built");
        } catch (IOException e) {
            return new Loaded(BuildCache.empty(), "cache " + file + " cannot be read (" + e.getMessage() + "): every image is built");
        }
    }

    /** @param source where the text came from, for the warning */
    public static Loaded parse(String json, String source) {
        try {
            JsonNode tree = JSON.readTree(json);
            if (tree == null || !tree.isObject()) {
                return new Loaded(BuildCache.empty(), "cache " + source + " is not a JSON object: every image is built");
            }
            int version = tree.path("version").asInt(-1);
            if (version > BuildCache.VERSION) {
                return new Loaded(BuildCache.empty(), "cache " + source + " has version " + version + ", written by a newer devspace-build "
                        + "(this one reads " + BuildCache.VERSION + "): every image is built, and the cache is left untouched (this run "
                        + "records nothing in it; use a newer devspace-build, or --cache for another file)", true);
            }
            if (version < 1) {
                return new Loaded(BuildCache.empty(), "cache " + source + " has no valid version: every image is built");
            }
            Loaded checked = checked(tree.path("images"), source);
            // an older format's hashes are not comparable: its entries only give the reason "cache format changed"
            return version < BuildCache.VERSION ? new Loaded(new BuildCache(checked.cache().images(), true), checked.warning()) : checked;
        } catch (JsonProcessingException e) {
            return new Loaded(BuildCache.empty(), "cache " + source + " is corrupt (" + e.getOriginalMessage() + "): every image is built");
        } catch (IllegalArgumentException e) {
            return new Loaded(BuildCache.empty(), "cache " + source + " is corrupt (" + e.getMessage() + "): every image is built");
        }
    }

    /** Each entry on its own: one that does not parse or fails {@link CacheEntryCheck} is left out, with a warning. */
    private static Loaded checked(JsonNode images, String source) {
        Map<String, CacheEntry> good = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        if (!images.isMissingNode() && !images.isNull() && !images.isObject()) {
            return new Loaded(BuildCache.empty(), "cache " + source + ": images is not an object: every image is built");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = images.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            String problem;
            try {
                CacheEntry e = JSON.treeToValue(f.getValue(), CacheEntry.class);
                problem = e == null ? "not an object" : CacheEntryCheck.problem(e);
                if (problem == null) {
                    good.put(f.getKey(), e);
                }
            } catch (JsonProcessingException | IllegalArgumentException e) {
                problem = "not a cache entry (" + (e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()) + ")";
            }
            if (problem != null) {
                problems.add("images." + ReferenceGrammar.quote(f.getKey()).replaceAll("^'|'$", "") + ": " + problem);
            }
        }
        String warning = problems.isEmpty() ? null : "cache " + source + " has invalid entries, treated as absent (rebuilt): "
                + String.join("; ", problems);
        return new Loaded(new BuildCache(good), warning);
    }

    public static String toJson(BuildCache cache) {
        try {
            return JSON.writeValueAsString(new Document(BuildCache.VERSION, cache.images())) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cache cannot be written as JSON", e);
        }
    }

    /**
     * Merges {@code mine} into the file, under {@link CacheFileLock}: the file is read again under the lock and, per
     * image, the entry built later wins (the file's on a tie), so concurrent runs on one project keep each other's new
     * entries. A document of a newer format version is left untouched. The write itself is {@link #write}: atomic.
     */
    public static Merged merge(Path file, BuildCache mine) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (CacheFileLock lock = CacheFileLock.acquire(file)) {
            Loaded onDisk = read(file);
            if (onDisk.newerVersion()) {
                return Merged.LEFT_NEWER_VERSION;
            }
            Map<String, CacheEntry> merged = new TreeMap<>(onDisk.cache().olderFormat() ? Map.of() : onDisk.cache().images());
            mine.images().forEach((key, entry) -> merged.merge(key, entry, (theirs, ours) -> builtAt(ours).isAfter(builtAt(theirs)) ? ours : theirs));
            write(file, new BuildCache(merged));
            return Merged.WRITTEN;
        }
    }

    private static Instant builtAt(CacheEntry e) {
        try {
            return e.builtAt() == null ? Instant.MIN : Instant.parse(e.builtAt());
        } catch (DateTimeParseException ex) {
            return Instant.MIN;
        }
    }

    /** Writes the cache atomically: a temporary file next to it, then a rename over it. */
    public static void write(Path file, BuildCache cache) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        if (Files.exists(file)) {
            // never replace a device or FIFO given as --cache (nor follow it)
            BoundedFiles.requireRegularFile(file, "the cache");
        }
        // the cache holds no secret: it gets the umask's permissions, like the outputs
        AtomicFiles.write(file, toJson(cache));
    }
}
