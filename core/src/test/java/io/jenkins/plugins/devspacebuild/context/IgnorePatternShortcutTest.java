package io.jenkins.plugins.devspacebuild.context;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The shortcuts for "*L" and "**}/*L" answer exactly as the patterns' regexes do. */
class IgnorePatternShortcutTest {
    static final List<String> PATTERNS = List.of("*.log", "**/*.log", "*.tar.gz", "**/*-x_1.TMP", "*log", "**/*.");
    static final List<String> PATHS = List.of("a.log", "x/a.log", "x/y/a.log", ".log", "log", "a.log/b", "a.logx", "dir.log/a.txt", "a.tar.gz",
            "x/a.tar.gz", "b-x_1.TMP", "q/b-x_1.TMP", "b-x_1.tmp", "a.", "x/a.", "line\nbreak.log", "x\n/a.log", "x\r/a.log", "café.log",
            "x/caf\u00e9/a.log", "", "/a.log", "x//a.log");

    @Test
    void shortcutsAgreeWithTheRegexes() {
        for (String p : PATTERNS) {
            IgnorePattern pattern = new IgnorePattern(p, false);
            for (String path : PATHS) {
                assertThat(pattern.matches(path)).as("%s on %s", p, path.replace("\n", "\\n")).isEqualTo(pattern.matchesByRegex(path));
            }
        }
        assertThat(new IgnorePattern("*.log", false).matches("a.log")).isTrue();
        assertThat(new IgnorePattern("*.log", false).matches("x/a.log")).isFalse();
        assertThat(new IgnorePattern("**/*.log", false).matches("x/y/a.log")).isTrue();
    }
}
