package io.jenkins.plugins.devspacebuild.ci;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.devspacebuild.cache.BuildCache;
import io.jenkins.plugins.devspacebuild.cache.CacheEntry;
import io.jenkins.plugins.devspacebuild.cache.CacheStore;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CacheLookupTest {

    static String cacheWithTag(String tag) {
        return CacheStore.toJson(BuildCache.empty().with("app", new CacheEntry("my/app", List.of(tag), null, null, "d", "c", "k", "docker",
                "2026-01-01T00:00:00Z", Map.of())));
    }

    record Build(String name, String artifact) implements JobHistory.BuildRecord {
        @Override
        public Optional<String> cacheArtifact() throws IOException {
            if ("IO".equals(artifact)) {
                throw new IOException("disk gone");
            }
            return Optional.ofNullable(artifact);
        }
    }

    static JobHistory job(String name, Build... builds) {
        return new JobHistory() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Iterable<BuildRecord> builds() {
                return new ArrayList<>(List.of(builds));
            }
        };
    }

    static String tag(CacheLookup.Found f) {
        return f.cache().get("app").map(e -> e.tags().get(0)).orElse(null);
    }

    @Test
    void newestEarlierBuildWithAnArtifactWins() {
        CacheLookup.Found f = CacheLookup.find(new Build("p #5", null), job("p", new Build("p #4", null), new Build("p #3", "corrupt{"),
                new Build("p #2", cacheWithTag("two")), new Build("p #1", cacheWithTag("one"))), Optional.empty(), Optional.empty());
        assertThat(tag(f)).isEqualTo("two");
        assertThat(f.source()).isEqualTo("cache from p #2");
        assertThat(f.notes()).singleElement().asString().contains("p #3 is corrupt").endsWith("passed over");
    }

    @Test
    void anEarlierStepOfTheSameBuildComesFirst() {
        CacheLookup.Found f = CacheLookup.find(new Build("p #5", cacheWithTag("five")), job("p", new Build("p #4", cacheWithTag("four"))),
                Optional.empty(), Optional.empty());
        assertThat(tag(f)).isEqualTo("five");
        assertThat(f.source()).startsWith("cache from this build (p #5)");
    }

    @Test
    void onlyTwentyBuildsBack() {
        List<Build> builds = new ArrayList<>();
        IntStream.range(0, 20).forEach(i -> builds.add(new Build("p #" + (30 - i), null)));
        builds.add(new Build("p #10", cacheWithTag("too-old")));
        CacheLookup.Found f = CacheLookup.find(null, job("p", builds.toArray(Build[]::new)), Optional.empty(), Optional.empty());
        assertThat(f.cache().images()).isEmpty();
        assertThat(f.source()).isEqualTo("no cache found in the last 20 builds of p: every image is built");
    }

    @Test
    void newBranchSeedsFromCacheFromThenFromTheTargetBranch() {
        JobHistory pr = job("shop/PR-7");
        JobHistory main = job("shop/main", new Build("shop/main #9", cacheWithTag("main9")));
        JobHistory develop = job("shop/develop", new Build("shop/develop #3", cacheWithTag("dev3")));
        assertThat(tag(CacheLookup.find(null, pr, Optional.of(develop), Optional.of(main)))).isEqualTo("dev3");
        CacheLookup.Found target = CacheLookup.find(null, pr, Optional.empty(), Optional.of(main));
        assertThat(tag(target)).isEqualTo("main9");
        assertThat(target.source()).isEqualTo("cache from shop/main #9 (the pull request's target branch)");
        assertThat(tag(CacheLookup.find(null, pr, Optional.of(job("empty")), Optional.of(main)))).isEqualTo("main9");
    }

    @Test
    void unreadableArtifactsArePassedOver() {
        CacheLookup.Found f = CacheLookup.find(null, job("p", new Build("p #2", "IO"), new Build("p #1", cacheWithTag("one"))), Optional.empty(),
                Optional.empty());
        assertThat(tag(f)).isEqualTo("one");
        assertThat(f.notes()).containsExactly("the cache artifact of p #2 cannot be read (disk gone)");
    }
}
