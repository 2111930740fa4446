package io.jenkins.plugins.devspacebuild.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.jenkins.plugins.devspacebuild.config.ConfigException;
import io.jenkins.plugins.devspacebuild.testing.LocalServices;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The .dockerignore oracle: every case is built by the real Docker CLI ({@code DOCKER_BUILDKIT=0 docker build}, a
 * Dockerfile {@code FROM busybox-local:1} / {@code COPY . /ctx}) and the image's {@code /ctx} is compared with what
 * {@link ContextWalker#walk} sends. Docker is the truth: a difference is a bug in the walker.
 *
 * <p>Both sides are compared in the form of {@code /ctx}: {@code f path} (a file), {@code x path} (a file with the owner
 * executable bit), {@code d path}, {@code l path -> target}. On the walker's side the parents of every entry are added
 * (directories that are excluded but walked are not sent, yet appear in {@code /ctx} as parents of what is re-included),
 * and the Dockerfile and .dockerignore are dropped when the ignore file names them (the CLI always sends them; the
 * daemon removes them before {@code COPY}). A case whose build Docker refuses ({@code ERROR}) must make the walker throw.
 *
 * <p>Each case also pins the listing Docker gave (so {@link DockerIgnoreTest} checks the walker without a daemon).
 */
class DockerIgnoreOracleIT {
    static final String ERROR = "ERROR";
    private static final String DOCKERFILE = "FROM busybox-local:1\nCOPY . /ctx\n";

    /**
     * One case.
     *
     * @param files    to lay out: {@code a/b} a file (0644), {@code +a/b} an executable file (0755), {@code a/b/} a
     *                 directory, {@code a -> t} a symbolic link; the Dockerfile is added
     * @param expected what Docker's {@code /ctx} holds, or {@link #ERROR} when Docker refuses the build
     */
    record Case(String name, String ignore, List<String> files, List<String> expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<String> files(String... f) {
        return List.of(f);
    }

    static Case c(String name, String ignore, List<String> files, String... expected) {
        return new Case(name, ignore, files, List.of(expected));
    }

    static final List<Case> CASES = List.of(
            c("comments: '#' at line start only, ' # x' is a pattern",
                    "# comment\n#a.txt\n # not a comment\n\t#tab\n",
                    files("a.txt", "# not a comment", "#tab", "#x"),
                    "f .dockerignore", "f Dockerfile", "f a.txt", "f #x"),
            c("blank lines and surrounding spaces and tabs",
                    "\n\n   a.txt   \n\t b.txt\t\n \n\nc d.txt\n",
                    files("a.txt", "b.txt", "c d.txt", "e.txt"),
                    "f .dockerignore", "f Dockerfile", "f e.txt"),
            c("CRLF line endings, no newline at the end",
                    "# c\r\na.txt\r\nsub\r\n!sub/keep\r\n\r\nlast.txt",
                    files("a.txt", "sub/x", "sub/keep", "last.txt", "c.txt"),
                    "f .dockerignore", "f Dockerfile", "f c.txt", "d sub", "f sub/keep"),
            c("leading / and ./ and doubled slashes",
                    "/a.txt\n./b.txt\n/sub/./c.txt\nsub//d.txt\n",
                    files("a.txt", "b.txt", "sub/c.txt", "sub/d.txt", "sub/a.txt", "e.txt"),
                    "f .dockerignore", "f Dockerfile", "f e.txt", "d sub", "f sub/a.txt"),
            c(".. is cleaned like a path",
                    "foo/../bar\nx/y/../../z\n../outside\n",
                    files("bar", "foo/bar", "z", "x/z", "outside"),
                    "f .dockerignore", "f Dockerfile", "d foo", "f foo/bar", "f outside", "d x", "f x/z"),
            c("* stops at /",
                    "*.log\nsub/*\n",
                    files("a.log", ".log", "a.log.txt", "sub/b.log", "sub/c/d.log", "other/e.log", "f.txt"),
                    "f .dockerignore", "f Dockerfile", "f a.log.txt", "f f.txt", "d other", "f other/e.log", "d sub"),
            c("? matches one character but not /",
                    "?.txt\nd?r/x\n",
                    files("a.txt", "ab.txt", ".txt", "dir/x", "dar/y", "dr/x", "d/r/x"),
                    "f .dockerignore", "f Dockerfile", "f .txt", "f ab.txt", "d d", "d d/r", "f d/r/x", "d dar",
                    "f dar/y", "d dir", "d dr", "f dr/x"),
            c("[a-c] ranges, [^d] negation, [!a] is '!' or 'a'",
                    "[a-c].txt\n[^d]y\n[!a]x\n",
                    files("a.txt", "b.txt", "d.txt", "!x", "ax", "bx", "dy", "ey"),
                    "f .dockerignore", "f Dockerfile", "f bx", "f d.txt", "f dy"),
            c("\\ escapes *, ? and [",
                    "\\*\nq\\?\nlit\\[x]\n",
                    files("*", "star*", "q?", "qx", "lit[x]", "litx"),
                    "f .dockerignore", "f Dockerfile", "f litx", "f qx", "f star*"),
            c("**/ at the start matches at any depth, even none",
                    "**/*.log\n",
                    files("a.log", "x/b.log", "x/y/c.log", "x/keep.txt"),
                    "f .dockerignore", "f Dockerfile", "d x", "f x/keep.txt", "d x/y"),
            c("/**/ in the middle matches zero or more directories",
                    "a/**/b\n",
                    files("a/b", "a/x/b", "a/x/y/b/inner", "a/x/b2", "c/a/b"),
                    "f .dockerignore", "f Dockerfile", "d a", "d a/x", "f a/x/b2", "d a/x/y", "d c", "d c/a",
                    "f c/a/b"),
            c("dir/** takes the contents, not the directory",
                    "dir/**\n",
                    files("dir/x", "dir/sub/y", "dirx/z"),
                    "f .dockerignore", "f Dockerfile", "d dir", "d dirx", "f dirx/z"),
            c("**name is a plain suffix match",
                    "**foo\n",
                    files("barfoo", "x/yfoo", "foo", "food"),
                    "f .dockerignore", "f Dockerfile", "f food", "d x"),
            c("!dir/keep.txt re-includes inside an excluded directory",
                    "dir\n!dir/keep.txt\n!dir/missing\n",
                    files("dir/keep.txt", "dir/other.txt", "dir/sub/keep.txt", "other/keep.txt"),
                    "f .dockerignore", "f Dockerfile", "d dir", "f dir/keep.txt", "d other", "f other/keep.txt"),
            c("!**/keep.txt does not re-include inside an excluded directory",
                    "dir\n*.txt\n!**/keep.txt\n",
                    files("dir/keep.txt", "keep.txt", "a.txt", "other/keep.txt", "other/a.txt"),
                    "f .dockerignore", "f Dockerfile", "f keep.txt", "d other", "f other/a.txt",
                    "f other/keep.txt"),
            c("!dir/sub re-includes a whole subdirectory",
                    "dir\n!dir/sub\n",
                    files("dir/a", "dir/sub/b", "dir/sub/c/d", "dir/subx/e"),
                    "f .dockerignore", "f Dockerfile", "d dir", "d dir/sub", "f dir/sub/b", "d dir/sub/c",
                    "f dir/sub/c/d"),
            c("the last matching pattern wins",
                    "!a.txt\n*.txt\n!b.txt\ndir\n!dir/k\ndir/k\n",
                    files("a.txt", "b.txt", "c.txt", "dir/k"),
                    "f .dockerignore", "f Dockerfile", "f b.txt"),
            c("a trailing / is dropped: build/ also matches a file",
                    "build/\nout/\n",
                    files("build/x", "out", "keep", "builder", "sub/build/y"),
                    "f .dockerignore", "f Dockerfile", "f builder", "f keep", "d sub", "d sub/build", "f sub/build/y"),
            c("Dockerfile and .dockerignore excluded: sent, then removed by the daemon",
                    "Dockerfile\n.dockerignore\n",
                    files("a"),
                    "f a"),
            c("* excludes everything, with exceptions",
                    "*\n!keep.txt\n!src\n",
                    files("keep.txt", "other.txt", "src/a.java", "src/sub/b.java", "lib/x"),
                    "f keep.txt", "d src", "f src/a.java", "d src/sub", "f src/sub/b.java"),
            c("build-file names: .dockerignore* and Dockerfile* at the top only",
                    ".dockerignore*\nDockerfile*\n",
                    files(".dockerignore.bak", "Dockerfile.dev", "sub/.dockerignore", "sub/Dockerfile", "x"),
                    "d sub", "f sub/.dockerignore", "f sub/Dockerfile", "f x"),
            c("symbolic links are sent as links, not followed",
                    "*.lnk\nln/inner\n",
                    files("target/inner", "ln -> target", "dangling -> nowhere", "abs -> /etc/passwd",
                            "x.lnk -> target"),
                    "f .dockerignore", "f Dockerfile", "l abs -> /etc/passwd", "l dangling -> nowhere",
                    "l ln -> target", "d target", "f target/inner"),
            c("empty directories are sent",
                    "gone\n",
                    files("empty/", "nested/empty/", "gone/"),
                    "f .dockerignore", "f Dockerfile", "d empty", "d nested", "d nested/empty"),
            c("executable bit",
                    "nothing\n",
                    files("+run.sh", "data.txt", "+bin/tool"),
                    "f .dockerignore", "f Dockerfile", "d bin", "x bin/tool", "f data.txt", "x run.sh"),
            c("excluded directory with no re-included content is not created",
                    "dir\n!dir/nothing/here\n",
                    files("dir/a", "dir/b/c"),
                    "f .dockerignore", "f Dockerfile"),
            // Docker's patterns are turned into Go regular expressions with only . + ( ) $ escaped:
            c("regex quirk: {n} repeats, | alternates without anchors, ^ anchors (*^x matches x)",
                    "*.lo{2}\n*.jpg|*.png\n*^x\n",
                    files("a.loo", "a.lo{2}", "a.lo", "b.jpg", "b.jpgfoo", "c.png", "sub/d.png", "sub/d.jpg", "a^x", "x"),
                    "f .dockerignore", "f Dockerfile", "f a.lo", "f a.lo{2}", "f a^x", "d sub", "f sub/d.jpg"),
            c("regex quirk: * and ? inside [ ] are not literal",
                    "[*]\n[?]x\n",
                    files("*", "]", "[]", "a", "?x", "[]x"),
                    "f .dockerignore", "f Dockerfile", "f *", "f ?x", "f a"),
            c("regex quirk: \\d is a digit and [[:digit:]] a POSIX class",
                    "file\\d\n[[:digit:]]x\n",
                    files("file1", "filed", "1x", "dx", ":x"),
                    "f .dockerignore", "f Dockerfile", "f :x", "f dx", "f filed"),
            c("regex quirk: ** does not cross a directory named with a newline",
                    "a/**/x\n",
                    files("a/p\nq/x", "a/r/x", "a/x"),
                    "f .dockerignore", "f Dockerfile", "d a", "d a/p\nq", "f a/p\nq/x", "d a/r"),
            c("Go's TrimSpace: no-break space is trimmed, \\x1f is not",
                    "foo\u00a0\n bar\u001f\n",
                    files("foo", "bar"),
                    "f .dockerignore", "f Dockerfile", "f bar"),
            c("/!name cleans to !name, an exception",
                    "*\n/!keep\n",
                    files("keep", "!keep", "other"),
                    "f keep"),
            c("regex quirk: POSIX [[:alpha:]] and Unicode \\pL classes; [^a] matches a newline",
                    "[[:alpha:][:digit:]]x\n[^[:alpha:]]y\n[[:^digit:]]n\ng1\\pL\nh\\p{Greek}\n[^a]nl\n",
                    files("ax", "1x", "-x", "-y", "1y", "ay", "an", "1n", "g1a", "g1\u00e9", "g11", "h\u03b1", "ha",
                            "\nnl", "anl", "bnl"),
                    "f .dockerignore", "f Dockerfile", "f -x", "f 1n", "f anl", "f ay", "f g11", "f ha"),
            c("regex quirk: {2,} repeats, {,2} and {01} are literal; \\x41 \\101 \\s \\w \\b escapes",
                    "a{2,}*\nb{,2}*\nc{01}*\nt\\x41*\no\\101*\ns\\s*\nw\\w?\nk*\\b\nu\\_u\n",
                    files("aa", "aaa", "a", "b{,2}", "bb", "c{01}", "c1", "tA", "tAx", "ta", "oA", "s x", "sx", "wab",
                            "wa", "kk", "k-", "u_u"),
                    "f .dockerignore", "f Dockerfile", "f a", "f bb", "f c1", "f k-", "f sx", "f ta", "f wa"),
            c("{ } stay literal in exact and suffix patterns, and after \\",
                    "a{1001}\n**/x{2}\n*\\{3}\n",
                    files("a{1001}", "xx", "d/xx", "d/x{2}", "{3}", "q{3}"),
                    "f .dockerignore", "f Dockerfile", "d d", "f d/xx", "f xx"),
            c("an invalid expression that is never tried is no error (Go compiles on first use)",
                    "!\\y\n",
                    files("a"),
                    "f .dockerignore", "f Dockerfile", "f a"),
            c("an invalid expression that is tried: Docker refuses the build",
                    "d\n!d/k\n\\y\n",
                    files("d/k", "d/j"),
                    ERROR),
            c("nested repetition *{2}: Docker refuses the build",
                    "*{2}\n",
                    files("a"),
                    ERROR),
            c("unknown class [[:foo:]]: Docker refuses the build",
                    "*[[:foo:]]\n",
                    files("a"),
                    ERROR),
            c("a trailing \\: Docker refuses the build",
                    "x\\\n",
                    files("a"),
                    ERROR),
            c("[-a] (Go's filepath.Match rule): Docker refuses the build",
                    "[-a]w\n",
                    files("a"),
                    ERROR),
            c("an unclosed [ class: Docker refuses the build",
                    "[abc\n",
                    files("a"),
                    ERROR),
            c("!/ cleans to a lone !: Docker refuses the build",
                    "!/\n",
                    files("a"),
                    ERROR),
            c("\\1 (a back-reference in Go's syntax): Docker refuses the build",
                    "x\\1\n",
                    files("x1"),
                    ERROR),
            c("Windows-style build\\output: Docker refuses the build",
                    "build\\output\n",
                    files("build/output"),
                    ERROR),
            c("malformed class []a]: Docker refuses the build",
                    "[]a]\n",
                    files("a"),
                    ERROR),
            c("a lone !: Docker refuses the build",
                    "a\n!\n",
                    files("a"),
                    ERROR));

    @TestFactory
    Stream<DynamicTest> walkerSendsWhatDockerCopies(@TempDir Path tmp) throws Exception {
        if (!LocalServices.dockerAvailable() && !LocalServices.required()) {
            // one skipped test per case, so a run without Docker shows how much went unchecked (not "0 tests")
            return CASES.stream().map(c -> dynamicTest(c.name(), () -> org.junit.jupiter.api.Assumptions.assumeTrue(false,
                    "no Docker daemon answers (run .ci/services.sh to start one): this case is not checked against Docker")));
        }
        LocalServices.requireDocker();
        long start = System.nanoTime();
        String prefix = "devspace-oracle-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        Map<Case, Path> dirs = new ConcurrentHashMap<>();
        Map<Case, Future<Set<String>>> oracle = new ConcurrentHashMap<>();
        List<String> tags = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int i = 0; i < CASES.size(); i++) {
                Case c = CASES.get(i);
                Path dir = tmp.resolve("case" + i);
                layOut(dir, c);
                dirs.put(c, dir);
                String tag = prefix + i;
                tags.add(tag);
                Path tar = tmp.resolve("case" + i + ".tar");
                oracle.put(c, pool.submit(() -> dockerView(dir, tag, tar)));
            }
            for (Future<Set<String>> f : oracle.values()) {
                f.get(300, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
            List<String> rmi = new ArrayList<>(List.of("docker", "rmi", "-f"));
            rmi.addAll(tags);
            exec(rmi, null);
        }
        System.out.printf("DockerIgnoreOracleIT: %d cases built by Docker in %.1f s%n", CASES.size(),
                (System.nanoTime() - start) / 1e9);
        return CASES.stream().map(c -> dynamicTest(c.name(), () -> {
            Set<String> docker = oracle.get(c).get();
            Path dir = dirs.get(c);
            if (docker.contains(ERROR)) {
                assertThatThrownBy(() -> ContextWalker.walk(dir, dir.resolve("Dockerfile"), dir))
                        .as("Docker refuses this .dockerignore; so must the walker")
                        .isInstanceOf(ConfigException.class);
            } else {
                assertThat(walkerView(dir)).as("walker vs Docker").containsExactlyInAnyOrderElementsOf(docker);
            }
            assertThat(docker).as("Docker vs the listing pinned in the case (update it: Docker is the truth)")
                    .containsExactlyInAnyOrderElementsOf(c.expected());
        }));
    }

    /** Writes the case's tree, its .dockerignore and the Dockerfile into {@code dir}. */
    static void layOut(Path dir, Case c) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(".dockerignore"), c.ignore(), StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("Dockerfile"), DOCKERFILE, StandardCharsets.UTF_8);
            for (String f : c.files()) {
                int arrow = f.indexOf(" -> ");
                if (arrow >= 0) {
                    Path link = dir.resolve(f.substring(0, arrow));
                    Files.createDirectories(link.getParent());
                    Files.createSymbolicLink(link, Path.of(f.substring(arrow + 4)));
                } else if (f.endsWith("/")) {
                    Files.createDirectories(dir.resolve(f));
                } else {
                    boolean exec = f.startsWith("+");
                    String rel = exec ? f.substring(1) : f;
                    Path p = dir.resolve(rel);
                    Files.createDirectories(p.getParent());
                    Files.writeString(p, rel + "\n", StandardCharsets.UTF_8);
                    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(exec ? "rwxr-xr-x" : "rw-r--r--"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What the walker sends, in the form of Docker's {@code /ctx}: parents of entries added, and Dockerfile and
     * .dockerignore dropped when the ignore file names them. Also checks that both are always sent.
     */
    static Set<String> walkerView(Path dir) throws ConfigException, IOException {
        BuildContext ctx = ContextWalker.walk(dir, dir.resolve("Dockerfile"), dir);
        Set<String> out = new TreeSet<>();
        Set<String> paths = new TreeSet<>();
        for (ContextEntry e : ctx.entries()) {
            paths.add(e.path());
            out.add(switch (e.type()) {
                case FILE -> (e.executable() ? "x " : "f ") + e.path();
                case DIRECTORY -> "d " + e.path();
                case SYMLINK -> "l " + e.path() + " -> " + e.linkTarget();
            });
            for (int slash = e.path().indexOf('/'); slash > 0; slash = e.path().indexOf('/', slash + 1)) {
                out.add("d " + e.path().substring(0, slash));
            }
        }
        assertThat(paths).as("Dockerfile and .dockerignore are always sent").contains("Dockerfile", ".dockerignore");
        DockerIgnore ignore = DockerIgnore.parse(Files.readString(dir.resolve(".dockerignore")), ".dockerignore");
        for (String buildFile : List.of("Dockerfile", ".dockerignore")) {
            if (ignore.isExcluded(buildFile)) {
                out.remove("f " + buildFile);
            }
        }
        return out;
    }

    /** Builds the case with the Docker CLI and lists the image's /ctx (through {@code docker cp}, as a tar). */
    private static Set<String> dockerView(Path dir, String tag, Path tar) throws IOException {
        Exec build = exec(List.of("docker", "build", "-q", "--force-rm", "-t", tag, dir.toString()), null);
        if (build.exit() != 0) {
            if (!build.output().contains("error checking context")) {
                throw new AssertionError("docker build failed unexpectedly for " + dir + ":\n" + build.output());
            }
            return Set.of(ERROR);
        }
        String container = check(exec(List.of("docker", "create", tag, "sh"), null)).output().strip();
        try {
            check(exec(List.of("docker", "cp", container + ":/ctx", "-"), tar));
        } finally {
            exec(List.of("docker", "rm", "-f", container), null);
        }
        Set<String> out = new TreeSet<>();
        try (InputStream in = Files.newInputStream(tar); TarArchiveInputStream t = new TarArchiveInputStream(in)) {
            for (TarArchiveEntry e = t.getNextEntry(); e != null; e = t.getNextEntry()) {
                String name = e.getName();
                if (name.endsWith("/")) {
                    name = name.substring(0, name.length() - 1);
                }
                if (!name.startsWith("ctx/")) {
                    continue;
                }
                name = name.substring(4);
                if (e.isSymbolicLink()) {
                    out.add("l " + name + " -> " + e.getLinkName());
                } else if (e.isDirectory()) {
                    out.add("d " + name);
                } else {
                    out.add(((e.getMode() & 0100) != 0 ? "x " : "f ") + name);
                }
            }
        }
        return out;
    }

    record Exec(int exit, String output) {
    }

    private static Exec check(Exec e) {
        if (e.exit() != 0) {
            throw new AssertionError("exit " + e.exit() + ":\n" + e.output());
        }
        return e;
    }

    /** Runs a docker command with the legacy builder; stdout goes to {@code stdout} when given (binary). */
    private static Exec exec(List<String> command, Path stdout) {
        try {
            ProcessBuilder pb = new ProcessBuilder(command);
            pb.environment().put("DOCKER_BUILDKIT", "0");
            if (stdout != null) {
                pb.redirectOutput(stdout.toFile());
            } else {
                pb.redirectErrorStream(true);
            }
            Process p = pb.start();
            byte[] out = stdout != null ? p.getErrorStream().readAllBytes() : p.getInputStream().readAllBytes();
            if (!p.waitFor(300, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("timed out: " + command);
            }
            return new Exec(p.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
