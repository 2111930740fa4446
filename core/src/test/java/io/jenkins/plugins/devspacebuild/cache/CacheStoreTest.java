package io.jenkins.plugins.devspacebuild.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CacheStoreTest {
    @TempDir
    Path dir;

    static CacheEntry entry(String tag) {
        return new CacheEntry("my/app", List.of(tag), "sha256:" + "d".repeat(64), "sha256:" + "1".repeat(64), "D", "C", "K", "docker", "2026-01-01T00:00:00Z", Map.of(".", "x"));
    }

    @Test
    void roundTrip() throws Exception {
        Path f = dir.resolve(".devspace/devspace-build-cache.json");
        BuildCache c = BuildCache.empty().with("app", entry("a1")).with("web", entry("w1"));
        CacheStore.write(f, c);
        CacheStore.Loaded back = CacheStore.read(f);
        assertThat(back.warning()).isNull();
        assertThat(back.cache()).isEqualTo(c);
        assertThat(Files.readString(f)).contains("\"version\" : " + BuildCache.VERSION);
        try (Stream<Path> s = Files.list(f.getParent())) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactly("devspace-build-cache.json");
        }
    }

    @Test
    void missingCorruptAndFutureCachesWarnAndRebuild() throws Exception {
        Path f = dir.resolve("c.json");
        assertThat(CacheStore.read(f).warning()).contains("no cache at");
        Files.writeString(f, "{\"version\": 1, \"images\": {\"app\": {\"tags\": [\"x\"");
        assertThat(CacheStore.read(f).cache().images()).isEmpty();
        assertThat(CacheStore.read(f).warning()).contains("is corrupt");
        Files.writeString(f, "{\"version\": 9, \"images\": {}}");
        assertThat(CacheStore.read(f).warning()).contains("has version 9, written by a newer devspace-build");
        Files.writeString(f, "[1,2]");
        assertThat(CacheStore.read(f).warning()).contains("not a JSON object");
        Files.writeString(f, "{\"images\": {}}");
        assertThat(CacheStore.read(f).warning()).contains("no valid version");
    }

    @Test
    void anOlderFormatKeepsItsEntriesButMarksThemForOneRebuild() throws Exception {
        Path f = dir.resolve("c.json");
        Files.writeString(f, "{\"version\": 1, \"images\": {\"app\": {\"image\": \"my/app\", \"tags\": [\"a1\"], \"contextHash\": \"C\"}}}");
        CacheStore.Loaded old = CacheStore.read(f);
        assertThat(old.warning()).isNull();
        assertThat(old.cache().olderFormat()).isTrue();
        assertThat(old.cache().images()).containsOnlyKeys("app");
        // once rewritten, the document has the current format
        CacheStore.write(f, old.cache().with("web", entry("w1")));
        assertThat(CacheStore.read(f).cache().olderFormat()).isFalse();
    }

    @Test
    void recorderKeepsEveryImageThatBuilt() throws Exception {
        Path f = dir.resolve("c.json");
        CacheRecorder r = new CacheRecorder(f, BuildCache.empty().with("old", entry("o")));
        r.record("app", entry("a1"));
        r.record("web", entry("w1"));
        r.close(); // writes what is batched
        assertThat(CacheStore.read(f).cache().images()).containsOnlyKeys("old", "app", "web");
    }

    /** Issue 13.3: --cache /dev/zero or a FIFO: a warning naming the file, no OutOfMemoryError, no hang; never written over. */
    @Test
    void aCacheThatIsNotARegularFileIsNeitherReadNorWritten() throws Exception {
        Path fifo = dir.resolve("fifo");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        for (Path p : List.of(Path.of("/dev/zero"), fifo)) {
            // preemptive: before the fix /dev/zero filled the heap and the FIFO blocked forever; 20 s is generous
            CacheStore.Loaded loaded = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(20),
                    () -> CacheStore.read(p));
            assertThat(loaded.cache().images()).isEmpty();
            assertThat(loaded.warning()).contains(p.toString()).contains("not a regular file");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> CacheStore.write(p, BuildCache.empty().with("app", entry("a"))))
                    .hasMessageContaining(p + " is a FIFO, socket or device, not a regular file");
        }
        assertThat(Files.isRegularFile(fifo, java.nio.file.LinkOption.NOFOLLOW_LINKS)).isFalse();
        assertThat(Files.exists(fifo, java.nio.file.LinkOption.NOFOLLOW_LINKS)).isTrue();
    }

    @Test
    void aHugeCacheIsRefusedBeforeReading() throws Exception {
        Path big = dir.resolve("big.json");
        try (java.io.RandomAccessFile raf = new java.io.RandomAccessFile(big.toFile(), "rw")) {
            raf.setLength(4L << 30);
        }
        assertThat(CacheStore.read(big).warning()).contains(big + " is 4.0 GiB, more than the limit of 64.0 MiB");
    }

    /** Issue 13.6: every value read from the cache is checked against the reference grammar; a bad entry is absent. */
    @Test
    void invalidEntriesAreTreatedAsAbsentWithAWarning() {
        String digest = "sha256:" + "a".repeat(64);
        String json = "{\"version\": 1, \"images\": {"
                + "\"ok\": {\"image\": \"127.0.0.1:5000/my/ok\", \"tags\": [\"v1\"], \"digest\": \"" + digest + "\"},"
                + "\"space\": {\"image\": \"my/app\", \"tags\": [\"bad tag\"]},"
                + "\"traversal\": {\"image\": \"my/app\", \"tags\": [\"../../../v2/_catalog?x=\"]},"
                + "\"digest\": {\"image\": \"my/app\", \"tags\": [\"v1\"], \"digest\": \"sha256:../x\"},"
                + "\"name\": {\"image\": \"My App/x\", \"tags\": [\"v1\"]},"
                + "\"notags\": {\"image\": \"my/app\", \"tags\": []},"
                + "\"type\": {\"image\": \"my/app\", \"tags\": 5}"
                + "}}";
        CacheStore.Loaded loaded = CacheStore.parse(json, "c.json");
        assertThat(loaded.cache().images()).containsOnlyKeys("ok");
        assertThat(loaded.warning()).contains("images.space: tag 'bad tag' is not a valid tag")
                .contains("images.traversal: tag '../../../v2/_catalog?x=' is not a valid tag")
                .contains("images.digest: digest 'sha256:../x' is not a valid digest")
                .contains("images.name: image 'My App/x' is not a valid image name")
                .contains("images.notags: no tags")
                .contains("images.type: ")
                .contains("treated as absent (rebuilt)");
    }
}
