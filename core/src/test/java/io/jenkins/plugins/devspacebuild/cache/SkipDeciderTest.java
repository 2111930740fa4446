package io.jenkins.plugins.devspacebuild.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.devspacebuild.config.RebuildStrategy;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SkipDeciderTest {
    static final Map<String, String> DIRS = Map.of(".", "r1", "src", "s1");
    static final CacheEntry PREVIOUS = new CacheEntry("my/app", List.of("abcde"), "sha256:1", null, "D", "C", "K", "docker",
            "2026-01-01T00:00:00Z", DIRS);

    static Stream<Arguments> cases() {
        ImageHashes same = new ImageHashes("D", "C", "K");
        return Stream.of(
                Arguments.of("nothing changed", same, DIRS, Optional.of(PREVIOUS), RebuildStrategy.DEFAULT, false, "unchanged since 2026-01-01T00:00:00Z"),
                Arguments.of("forced", same, DIRS, Optional.of(PREVIOUS), RebuildStrategy.DEFAULT, true, "forced"),
                Arguments.of("always", same, DIRS, Optional.of(PREVIOUS), RebuildStrategy.ALWAYS, false, "rebuildStrategy always"),
                Arguments.of("first build", same, DIRS, Optional.empty(), RebuildStrategy.DEFAULT, false, "no earlier build"),
                Arguments.of("dockerfile", new ImageHashes("D2", "C2", "K2"), DIRS, Optional.of(PREVIOUS), RebuildStrategy.DEFAULT, false,
                        "Dockerfile changed"),
                Arguments.of("config", new ImageHashes("D", "C2", "K2"), DIRS, Optional.of(PREVIOUS), RebuildStrategy.DEFAULT, false,
                        "build config changed"),
                Arguments.of("context", new ImageHashes("D", "C2", "K"), Map.of(".", "r1", "src", "s2", "src/new", "n"), Optional.of(PREVIOUS),
                        RebuildStrategy.DEFAULT, false, "context changed: src/, src/new/"),
                Arguments.of("context ignored", new ImageHashes("D", "C2", "K"), DIRS, Optional.of(PREVIOUS), RebuildStrategy.IGNORE_CONTEXT_CHANGES,
                        false, "unchanged since 2026-01-01T00:00:00Z"),
                Arguments.of("many dirs", new ImageHashes("D", "C2", "K"), Map.of("a", "1", "b", "1", "c", "1", "d", "1", "e", "1", "f", "1", "g", "1"),
                        Optional.of(PREVIOUS), RebuildStrategy.DEFAULT, false, "context changed: ./, a/, b/, c/, d/ (+4 more)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void decides(String name, ImageHashes now, Map<String, String> dirs, Optional<CacheEntry> previous, RebuildStrategy strategy, boolean force,
                 String reason) {
        Decision d = SkipDecider.decide(now, dirs, previous, strategy, force);
        assertThat(d.reason()).isEqualTo(reason);
        assertThat(d.isBuild()).isEqualTo(!reason.startsWith("unchanged"));
    }

    @org.junit.jupiter.api.Test
    void anEntryOfAnOlderCacheFormatIsRebuiltOnceEvenWhenItsHashesMatch() {
        ImageHashes same = new ImageHashes("D", "C", "K");
        assertThat(SkipDecider.decide(same, DIRS, Optional.of(PREVIOUS), true, RebuildStrategy.DEFAULT, false).reason())
                .isEqualTo("cache format changed");
        assertThat(SkipDecider.decide(same, DIRS, Optional.empty(), true, RebuildStrategy.DEFAULT, false).reason()).isEqualTo("no earlier build");
        assertThat(SkipDecider.decide(same, DIRS, Optional.of(PREVIOUS), true, RebuildStrategy.DEFAULT, true).reason()).isEqualTo("forced");
        assertThat(SkipDecider.decide(same, DIRS, Optional.of(PREVIOUS), false, RebuildStrategy.DEFAULT, false).isBuild()).isFalse();
    }
}
