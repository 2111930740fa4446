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
        return new CacheEntry("my/app", List.of(tag), "sha256:d", "sha256:i", "D", "C", "K", "docker", "2026-01-01T00:00:00Z", Map.of(".", "x"));
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
        assertThat(CacheStore.read(f).cache().images()).containsOnlyKeys("old", "app", "web");
    }
}
