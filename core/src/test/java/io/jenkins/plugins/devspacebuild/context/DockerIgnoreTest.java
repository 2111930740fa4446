package io.jenkins.plugins.devspacebuild.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.devspacebuild.config.ConfigException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The .dockerignore rules without a daemon: every outcome here was confirmed against the real Docker CLI and daemon by
 * {@link DockerIgnoreOracleIT} (whose cases and pinned listings are reused).
 */
class DockerIgnoreTest {

    static Stream<DockerIgnoreOracleIT.Case> oracleCases() {
        return DockerIgnoreOracleIT.CASES.stream();
    }

    /** The walker's listing, in the form of Docker's /ctx, is the one Docker gave for each oracle case. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("oracleCases")
    void walkerListingMatchesWhatDockerGave(DockerIgnoreOracleIT.Case c, @TempDir Path dir) throws Exception {
        DockerIgnoreOracleIT.layOut(dir, c);
        if (c.expected().equals(List.of(DockerIgnoreOracleIT.ERROR))) {
            assertThatThrownBy(() -> ContextWalker.walk(dir, dir.resolve("Dockerfile"), dir))
                    .isInstanceOf(ConfigException.class);
        } else {
            assertThat(DockerIgnoreOracleIT.walkerView(dir)).containsExactlyInAnyOrderElementsOf(c.expected());
        }
    }

    record Row(String ignore, String path, boolean excluded) {
        @Override
        public String toString() {
            return (excluded ? "excludes " : "keeps ") + show(path) + " with " + show(ignore);
        }

        private static String show(String s) {
            return "'" + s.replace("\r", "\\r").replace("\n", "\\n").replace("\u00a0", "\\u00a0")
                    .replace("\u001f", "\\u001f") + "'";
        }
    }

    private static Stream<Row> rows(String ignore, List<String> excluded, List<String> kept) {
        return Stream.concat(excluded.stream().map(p -> new Row(ignore, p, true)),
                kept.stream().map(p -> new Row(ignore, p, false)));
    }

    private static List<String> excluded(String... paths) {
        return List.of(paths);
    }

    private static List<String> kept(String... paths) {
        return List.of(paths);
    }

    static Stream<Row> exclusionTable() {
        return Stream.of(
                rows("# comment\n # not a comment\n", excluded("# not a comment"), kept("# comment", "comment")),
                rows("\n   a.txt   \n\t b.txt\t\n", excluded("a.txt", "b.txt"), kept("c.txt")),
                rows("a.txt\r\nsub\r\n!sub/keep\r\n", excluded("a.txt", "sub", "sub/x"), kept("sub/keep")),
                rows("/a.txt\n./b.txt\nsub//d.txt\n", excluded("a.txt", "b.txt", "sub/d.txt"), kept("sub/a.txt")),
                rows("foo/../bar\n../outside\n", excluded("bar"), kept("foo/bar", "outside")),
                rows("*.log\n", excluded("a.log", ".log"), kept("sub/b.log", "a.log.txt")),
                rows("?.txt\n", excluded("a.txt"), kept("ab.txt", ".txt")),
                rows("[a-c].txt\n[^d]y\n[!a]x\n", excluded("b.txt", "ey", "!x", "ax"), kept("d.txt", "dy", "bx")),
                rows("\\*\nq\\?\n", excluded("*", "q?"), kept("star*", "qx")),
                rows("**/*.log\n", excluded("a.log", "x/y/c.log"), kept("x/keep.txt")),
                rows("a/**/b\n", excluded("a/b", "a/x/y/b", "a/x/b/inner"), kept("a/x/b2", "c/a/b", "a")),
                rows("dir/**\n", excluded("dir/x", "dir/sub/y"), kept("dir", "dirx/z")),
                rows("**foo\n", excluded("barfoo", "x/yfoo", "foo"), kept("food")),
                rows("dir\n!dir/keep.txt\n", excluded("dir", "dir/other.txt", "dir/sub/keep.txt"), kept("dir/keep.txt")),
                // from scratch the exception applies, but the walk never enters dir (see the walker case)
                rows("dir\n!**/keep.txt\n", excluded("dir", "dir/a"), kept("dir/keep.txt")),
                rows("!a.txt\n*.txt\n!b.txt\n", excluded("a.txt", "c.txt"), kept("b.txt")),
                rows("build/\n", excluded("build", "build/x"), kept("sub/build", "builder")),
                rows("*\n!keep.txt\n", excluded("other.txt", "src", "src/a.java", "Dockerfile"), kept("keep.txt")),
                rows(".dockerignore*\nDockerfile*\n", excluded(".dockerignore", "Dockerfile", "Dockerfile.dev"),
                        kept("sub/Dockerfile", "sub/.dockerignore")),
                // regex quirks of Docker's matcher
                rows("*.lo{2}\n", excluded("a.loo"), kept("a.lo{2}", "a.lo")),
                rows("*.jpg|*.png\n", excluded("b.jpg", "b.jpgfoo", "c.png", "sub/d.png"), kept("sub/d.jpg")),
                rows("*^x\n", excluded("x"), kept("a^x")), // [^/]* matches nothing, then ^ holds
                rows("[*]\n[?]x\n", excluded("]", "[]", "[]x"), kept("*", "?x", "a")),
                rows("file\\d\n[[:digit:]]x\n", excluded("file1", "1x"), kept("filed", "dx", ":x")),
                rows("a/**/x\n", excluded("a/x", "a/r/x"), kept("a/p\nq/x")),
                rows("[^a]nl\n[[:^digit:]]n\ng1\\pL\n", excluded("\nnl", "bnl", "an", "g1\u00e9"), kept("anl", "1n", "g11")),
                rows("a{2,}*\nb{,2}*\nt\\x41*\ns\\s*\nk*\\b\n", excluded("aa", "b{,2}", "tA", "s x", "kk"),
                        kept("a", "bb", "ta", "sx", "k-")),
                rows("a{1001}\n**/x{2}\n", excluded("a{1001}", "d/x{2}"), kept("xx", "d/xx")),
                rows("foo\u00a0\n bar\u001f\n", excluded("foo"), kept("bar")),
                rows("*\n/!keep\n", excluded("!keep", "other"), kept("keep")),
                rows("!\\y\n", excluded(), kept("a")))
                .flatMap(s -> s);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exclusionTable")
    void isExcluded(Row row) throws ConfigException {
        assertThat(DockerIgnore.parse(row.ignore(), ".dockerignore").isExcluded(row.path())).isEqualTo(row.excluded());
    }

    /** Patterns Docker refuses as soon as it reads them (Go's filepath.Match syntax, a lone '!'). */
    @ParameterizedTest(name = "{0}")
    @MethodSource
    void refusedWhenRead(String ignore) {
        assertThatThrownBy(() -> DockerIgnore.parse(ignore, "app/.dockerignore"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("app/.dockerignore:");
    }

    static Stream<String> refusedWhenRead() {
        return Stream.of("[]a]\n", "[-a]w\n", "[a-]\n", "[abc\n", "x\\\n", "ok\n!\n", "!/\n");
    }

    /** Expressions Go's regexp rejects: Docker fails when the pattern is first tried, not before. */
    @ParameterizedTest(name = "{0}")
    @MethodSource
    void refusedWhenTried(String ignore) throws ConfigException {
        DockerIgnore d = DockerIgnore.parse(ignore, ".dockerignore");
        assertThatThrownBy(() -> d.isExcluded("a"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(".dockerignore:")
                .hasMessageContaining("Docker refuses it too");
    }

    static Stream<String> refusedWhenTried() {
        return Stream.of("build\\output\n", "\\y\n", "*{2}\n", "*[[:foo:]]\n", "[z-a]\n",
                "*a{1001}\n", "*\\\u00e9\n", "x\\1\n");
    }

    @Test
    void errorNamesTheLineOfAPatternTriedLate(@TempDir Path dir) {
        DockerIgnoreOracleIT.layOut(dir, new DockerIgnoreOracleIT.Case("late", "# c\nd\n!d/k\nbuild\\output\n",
                List.of("d/k", "d/j"), List.of()));
        assertThatThrownBy(() -> ContextWalker.walk(dir, dir.resolve("Dockerfile"), dir))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(".dockerignore:4:1")
                .hasMessageContaining("'build\\output'");
    }

    @Test
    void dockerfileAndIgnoreFileAreAlwaysSent(@TempDir Path dir) throws Exception {
        DockerIgnoreOracleIT.layOut(dir, new DockerIgnoreOracleIT.Case("all", "*\n", List.of("a", "b/c"), List.of()));
        BuildContext ctx = ContextWalker.walk(dir, dir.resolve("Dockerfile"), dir);
        assertThat(ctx.entries()).extracting(ContextEntry::listing).containsExactly("f .dockerignore", "f Dockerfile");
    }

    @Test
    void cleanPathIsGosFilepathClean() {
        assertThat(DockerIgnore.cleanPath("./a//b/../c/")).isEqualTo("a/c");
        assertThat(DockerIgnore.cleanPath("../../x")).isEqualTo("../../x");
        assertThat(DockerIgnore.cleanPath("/../x")).isEqualTo("/x");
        assertThat(DockerIgnore.cleanPath("a/..")).isEqualTo(".");
        assertThat(DockerIgnore.cleanPath("")).isEqualTo(".");
    }
}
