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
import java.util.Map;

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
     * @param cache   the cache, empty when nothing usable was found
     * @param warning why nothing usable was found, or null
     */
    public record Loaded(BuildCache cache, String warning) {
    }

    private CacheStore() {
    }

    public static Loaded read(Path file) {
        if (!Files.exists(file)) {
            return new Loaded(BuildCache.empty(), "no cache at " + file + " yet: every image is built");
        }
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
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
                        + "(this one reads " + BuildCache.VERSION + "): every image is built");
            }
            if (version < 1) {
                return new Loaded(BuildCache.empty(), "cache " + source + " has no valid version: every image is built");
            }
            Document d = JSON.treeToValue(tree, Document.class);
            Map<String, CacheEntry> images = d.images() == null ? Map.of() : d.images();
            if (version < BuildCache.VERSION) {
                return new Loaded(new BuildCache(images, true), null);
            }
            return new Loaded(new BuildCache(images), null);
        } catch (JsonProcessingException e) {
            return new Loaded(BuildCache.empty(), "cache " + source + " is corrupt (" + e.getOriginalMessage() + "): every image is built");
        } catch (IllegalArgumentException e) {
            return new Loaded(BuildCache.empty(), "cache " + source + " is corrupt (" + e.getMessage() + "): every image is built");
        }
    }

    public static String toJson(BuildCache cache) {
        try {
            return JSON.writeValueAsString(new Document(BuildCache.VERSION, cache.images())) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cache cannot be written as JSON", e);
        }
    }

    /** Writes the cache atomically: a temporary file next to it, then a rename over it. */
    public static void write(Path file, BuildCache cache) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + file.getFileName() + ".", ".tmp");
        try {
            Files.writeString(tmp, toJson(cache), StandardCharsets.UTF_8);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
