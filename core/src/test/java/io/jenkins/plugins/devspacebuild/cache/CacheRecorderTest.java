package io.jenkins.plugins.devspacebuild.cache;

import static io.jenkins.plugins.devspacebuild.cache.CacheStoreTest.entry;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issues 13.5 and 13.11: the cache is merged under a lock, never downgraded, and written in batches. */
class CacheRecorderTest {
    @TempDir
    Path dir;

    static CacheEntry builtAt(String tag, String instant) {
        return new CacheEntry("my/app", List.of(tag), null, null, "D", "C", "K", "docker", instant, Map.of());
    }

    @Test
    void twoRunsOnOneProjectKeepEachOthersEntries() throws Exception {
        Path f = dir.resolve(".devspace/devspace-build-cache.json");
        CacheStore.write(f, BuildCache.empty().with("old", entry("o")));
        // both runs read the cache at their start
        BuildCache initial = CacheStore.read(f).cache();
        CacheRecorder first = new CacheRecorder(f, initial);
        CacheRecorder second = new CacheRecorder(f, initial);
        first.record("api", entry("a1"));
        second.record("web", entry("w1"));
        first.close();
        second.close();
        assertThat(CacheStore.read(f).cache().images()).containsOnlyKeys("old", "api", "web");
        assertThat(Files.exists(dir.resolve(".devspace/devspace-build-cache.json.lock"))).isTrue();
    }

    @Test
    void concurrentRecordersLoseNothing() throws Exception {
        Path f = dir.resolve("c.json");
        int runs = 4;
        int imagesPerRun = 25;
        ExecutorService pool = Executors.newFixedThreadPool(runs);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> fs = new java.util.ArrayList<>();
            for (int r = 0; r < runs; r++) {
                int run = r;
                fs.add(pool.submit(() -> {
                    CacheRecorder rec = new CacheRecorder(f, BuildCache.empty(), Duration.ZERO);
                    start.await();
                    for (int i = 0; i < imagesPerRun; i++) {
                        rec.record("run" + run + "-img" + i, entry("t" + i));
                    }
                    rec.close();
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> x : fs) {
                x.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(CacheStore.read(f).cache().images()).hasSize(runs * imagesPerRun);
    }

    @Test
    void theLaterBuildOfAnImageWins() throws Exception {
        Path f = dir.resolve("c.json");
        CacheRecorder slow = new CacheRecorder(f, BuildCache.empty());
        CacheRecorder fast = new CacheRecorder(f, BuildCache.empty());
        fast.record("app", builtAt("newer", "2026-03-01T00:00:00Z"));
        fast.close();
        slow.record("app", builtAt("older", "2026-02-01T00:00:00Z"));
        slow.close();
        assertThat(CacheStore.read(f).cache().get("app").orElseThrow().tags()).containsExactly("newer");
    }

    @Test
    void aCacheOfANewerVersionIsLeftUntouched() throws Exception {
        Path f = dir.resolve("c.json");
        String future = "{\"version\": 99, \"images\": {\"app\": {\"somethingNew\": true}}}\n";
        Files.writeString(f, future);
        CacheStore.Loaded loaded = CacheStore.read(f);
        assertThat(loaded.warning()).contains("has version 99").contains("left untouched");
        CacheRecorder r = new CacheRecorder(f, loaded.cache());
        r.record("app", entry("a1"));
        r.close();
        assertThat(Files.readString(f, StandardCharsets.UTF_8)).isEqualTo(future);
    }

    @Test
    void recordsAreWrittenInBatchesAndAllOfThemOnClose() throws Exception {
        Path f = dir.resolve("c.json");
        CacheRecorder r = new CacheRecorder(f, BuildCache.empty(), Duration.ofHours(1));
        for (int i = 0; i < 1000; i++) {
            r.record("img" + i, entry("t" + i));
        }
        // the first record is written at once (a crash right after it keeps it); the others wait for the batch
        assertThat(CacheStore.read(f).cache().images()).containsOnlyKeys("img0");
        r.close();
        assertThat(r.writes()).isEqualTo(2);
        assertThat(CacheStore.read(f).cache().images()).hasSize(1000);
    }

    @Test
    void aPendingBatchIsWrittenAfterTheIntervalWithoutClose() throws Exception {
        Path f = dir.resolve("c.json");
        CacheRecorder r = new CacheRecorder(f, BuildCache.empty(), Duration.ofMillis(200));
        r.record("a", entry("a"));
        r.record("b", entry("b"));
        // event-driven: wait (bounded at 30 s on a loaded machine) until the write-behind has run
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (CacheStore.read(f).cache().images().size() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(CacheStore.read(f).cache().images()).containsOnlyKeys("a", "b");
        r.close();
    }
}
