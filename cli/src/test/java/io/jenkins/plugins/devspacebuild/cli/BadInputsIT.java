package io.jenkins.plugins.devspacebuild.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 13: bad input, as a new user or an attacker gives it, to the packaged jar. Each case checks the exit code, that
 * the message names the file, field or option, that there is no stack trace, that no planted secret is echoed, that
 * nothing is written outside {@code .devspace/}, and that it ends within a bounded time. No daemon is used: DOCKER_HOST
 * points at a closed port, registries at 127.0.0.1:1.
 */
class BadInputsIT {
    static final String PLANTED = "PLANTED-S3CRET-4711";
    static final String PLANTED_B64 = Base64.getEncoder().encodeToString(("other:" + PLANTED).getBytes(StandardCharsets.UTF_8));
    /** Generous for a loaded 2-core machine: most cases end in about a second; the limit catches hangs. */
    static final long TIME_LIMIT_SECONDS = 90;

    @TempDir
    Path tmp;

    @FunctionalInterface
    interface Setup {
        void apply(Path caseDir, Path project) throws Exception;
    }

    /** One bad input: what to run, and what must come back. */
    record Case(String name, List<String> args, int exit, List<String> says, Setup setup, Map<String, String> env, List<String> never) {
        Case args(String... a) {
            return new Case(name, List.of(a), exit, says, setup, env, never);
        }

        Case exit(int code) {
            return new Case(name, args, code, says, setup, env, never);
        }

        Case says(String... fragments) {
            return new Case(name, args, exit, List.of(fragments), setup, env, never);
        }

        /** Fragments the output must not have (besides the planted secret and stack traces). */
        Case never(String... fragments) {
            return new Case(name, args, exit, says, setup, env, List.of(fragments));
        }

        Case setup(Setup s) {
            Setup before = setup;
            return new Case(name, args, exit, says, (d, p) -> {
                before.apply(d, p);
                s.apply(d, p);
            }, env, never);
        }

        Case env(String key, String value) {
            Map<String, String> m = new TreeMap<>(env);
            m.put(key, value);
            return new Case(name, args, exit, says, setup, m, never);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Case c(String name) {
        return new Case(name, List.of(), 2, List.of(), (d, p) -> { }, Map.of(), List.of());
    }

    static final String YAML = "version: v2beta1\nname: bad\nimages:\n  app:\n    image: 127.0.0.1:1/harden/app\n    dockerfile: ./Dockerfile\n";

    static Setup yaml(String text) {
        return (d, p) -> Files.writeString(p.resolve("devspace.yaml"), text);
    }

    static Setup file(String relative, String text) {
        return (d, p) -> {
            Files.createDirectories(p.resolve(relative).getParent());
            Files.writeString(p.resolve(relative), text);
        };
    }

    static Setup bytes(String relative, byte... b) {
        return (d, p) -> Files.write(p.resolve(relative), b);
    }

    static Setup fifo(String relative) {
        return (d, p) -> mkfifo(p.resolve(relative));
    }

    static Setup sparse(String relative, long size) {
        return (d, p) -> {
            Files.deleteIfExists(p.resolve(relative));
            try (RandomAccessFile raf = new RandomAccessFile(p.resolve(relative).toFile(), "rw")) {
                raf.setLength(size);
            }
        };
    }

    static void mkfifo(Path at) throws Exception {
        Files.deleteIfExists(at);
        assertThat(new ProcessBuilder("mkfifo", at.toString()).start().waitFor()).isZero();
    }

    static String dockerConfig(String authsOfTarget) {
        return "{\"auths\": {" + authsOfTarget + "\"b.example\": {\"auth\": \"" + PLANTED_B64 + "\"}}}";
    }

    static Stream<Case> cases() {
        List<Case> l = new ArrayList<>();
        // -t / --tag
        l.add(c("tag with a space").args("build", "-t", "bad tag").says("-t 'bad tag' is not a valid tag"));
        l.add(c("empty tag").args("build", "-t", "").says("-t '' is not a valid tag", "must not be empty"));
        l.add(c("300-character tag").args("build", "-t", "a".repeat(300)).says("is not a valid tag", "at most 128"));
        l.add(c("tag starting with a dot").args("build", "-t", ".hidden").says("-t '.hidden' is not a valid tag"));
        l.add(c("tag with a slash").args("build", "-t", "a/b").says("-t 'a/b' is not a valid tag"));
        l.add(c("tag with a newline").args("build", "-t", "a\nb").says("-t 'a\\u000ab' is not a valid tag"));
        l.add(c("second tag bad").args("build", "-t", "ok", "-t", "no good").says("-t 'no good'"));
        // --var
        l.add(c("var without a name").args("plan", "--var", "=v").says("--var", "the name must be"));
        l.add(c("var name with a space").args("plan", "--var", "A B=x").says("--var 'A B'"));
        l.add(c("var name starting with a digit").args("plan", "--var", "1X=y").says("--var '1X'"));
        l.add(c("var without a value").args("plan", "--var", "novalue").says("--var"));
        l.add(c("var on build").args("build", "--var", "A-B=x").says("--var 'A-B'"));
        // --insecure-registry
        l.add(c("insecure registry with a space").args("build", "--insecure-registry", "http://bad host/").says("--insecure-registry 'http://bad host/'"));
        l.add(c("insecure registry empty").args("build", "--insecure-registry", "").says("--insecure-registry ''"));
        l.add(c("insecure registry with a path").args("build", "--insecure-registry", "reg.local/v2/x").says("--insecure-registry 'reg.local/v2/x'"));
        l.add(c("insecure registry with a bad port").args("build", "--insecure-registry", "reg.local:port").says("--insecure-registry"));
        // other options
        l.add(c("negative max-parallel").args("build", "--max-parallel", "-1").says("--max-parallel"));
        l.add(c("non-numeric max-parallel").args("build", "--max-parallel", "many").says("--max-parallel"));
        l.add(c("unknown builder").args("build", "--builder", "podman").says("--builder 'podman'"));
        l.add(c("unknown command").args("frobnicate").says("frobnicate"));
        l.add(c("unknown option").args("build", "--frobnicate").says("--frobnicate"));
        l.add(c("unknown image key").args("build", "nosuch").says("no image 'nosuch'", "app"));
        // --registry-credentials and password files
        l.add(c("credentials without a file").args("build", "--registry-credentials", "r.example=user").says("is not HOST=USER:PASSWORD_FILE"));
        l.add(c("credentials without a host").args("build", "--registry-credentials", "=u:/x").says("is not HOST=USER:PASSWORD_FILE"));
        l.add(c("password typed where the file goes").args("build", "--registry-credentials", "r.example=u:" + PLANTED)
                .says("--registry-credentials for r.example (user u): the password file does not exist"));
        l.add(c("password file is /dev/zero").args("build", "--registry-credentials", "r.example=u:/dev/zero").says("/dev/zero", "not a regular file"));
        l.add(c("password file is a FIFO").setup(fifo("pw")).args("build", "--registry-credentials", "r.example=u:pw").says("pw", "not a regular file"));
        l.add(c("password file is a directory").setup(file("pwdir/x", "")).args("build", "--registry-credentials", "r.example=u:pwdir")
                .says("pwdir is a directory"));
        l.add(c("password file is empty").setup(file("pw", "")).args("build", "--registry-credentials", "r.example=u:pw").says("pw is empty"));
        l.add(c("password file is huge").setup(sparse("pw", 3L << 30)).args("build", "--registry-credentials", "r.example=u:pw")
                .says("pw is 3.0 GiB, more than the limit"));
        // --cache
        l.add(c("cache is /dev/zero").args("build", "--cache", "/dev/zero").says("--cache /dev/zero", "not a regular file"));
        l.add(c("cache is a FIFO").setup(fifo("c.json")).args("build", "--cache", "c.json").says("--cache c.json", "not a regular file"));
        l.add(c("cache is a directory").setup(file("cdir/x", "")).args("build", "--cache", "cdir").says("--cache cdir is a directory"));
        l.add(c("plan with cache /dev/zero").args("plan", "--cache", "/dev/zero").says("--cache /dev/zero"));
        // output files
        l.add(c("output-env is a directory").setup(file("out/x", "")).args("build", "--output-env", "out").says("--output-env out is a directory"));
        l.add(c("output-file under a file").setup(file("f", "x")).args("build", "--output-file", "f/r.json").says("--output-file f/r.json", "is a file, not a directory"));
        // -f and --root
        l.add(c("-f is a directory").setup(file("sub/x", "")).args("plan", "-f", "sub").says("-f", "sub is a directory"));
        l.add(c("-f is .").args("plan", "-f", ".").says("is a directory", "devspace.yaml"));
        l.add(c("-f does not exist").args("plan", "-f", "missing.yaml").says("missing.yaml"));
        l.add(c("--root is a file").args("plan", "--root", "Dockerfile").says("--root Dockerfile is a file, not a directory"));
        l.add(c("--root does not exist").args("plan", "--root", "/nonexistent/dir").says("--root /nonexistent/dir does not exist"));
        // devspace.yaml
        l.add(c("empty devspace.yaml").setup(yaml("")).args("plan").says("devspace.yaml"));
        l.add(c("yaml syntax error").setup(yaml("version: v2beta1\nimages:\n  app: [unclosed\n")).args("plan").says("devspace.yaml:"));
        // DevSpace's images are optional: nothing to build is a success that says so (issue 10.3)
        l.add(c("no images").exit(0).setup(yaml("version: v2beta1\nname: x\n")).args("plan").says("devspace.yaml", "no images are defined"));
        l.add(c("invalid image name").setup(yaml(YAML.replace("127.0.0.1:1/harden/app", "My App"))).args("plan").says("devspace.yaml:", "image"));
        l.add(c("dockerfile outside the root").setup(yaml(YAML.replace("./Dockerfile", "../elsewhere/Dockerfile"))).args("plan")
                .says("outside the project root"));
        l.add(c("dockerfile missing").setup(yaml(YAML.replace("./Dockerfile", "./Nope"))).args("plan").says("Nope", "does not exist"));
        // Dockerfile
        l.add(c("Dockerfile is a directory").setup((d, p) -> {
            Files.delete(p.resolve("Dockerfile"));
            Files.createDirectories(p.resolve("Dockerfile"));
        }).args("plan").says("Dockerfile", "is a directory, not a regular file"));
        l.add(c("Dockerfile is a FIFO").setup(fifo("Dockerfile")).args("plan").says("Dockerfile", "not a regular file"));
        l.add(c("Dockerfile is empty").setup(file("Dockerfile", "")).args("plan").says("Dockerfile", "is empty", "FROM"));
        l.add(c("Dockerfile is blank").setup(file("Dockerfile", "\n  \n")).args("plan").says("Dockerfile", "is empty"));
        l.add(c("Dockerfile is not UTF-8").setup(bytes("Dockerfile", (byte) 'F', (byte) 0xff, (byte) '\n')).args("plan")
                .says("Dockerfile", "is not UTF-8 text"));
        l.add(c("Dockerfile is huge").setup(sparse("Dockerfile", 5L << 30)).args("plan").says("Dockerfile", "more than the limit"));
        l.add(c("Dockerfile is a link outside").setup((d, p) -> {
            Files.delete(p.resolve("Dockerfile"));
            Files.writeString(d.resolve("outside-Dockerfile"), "FROM scratch\n# " + PLANTED + "\n");
            Files.createSymbolicLink(p.resolve("Dockerfile"), d.resolve("outside-Dockerfile"));
        }).args("plan").says("outside the project root"));
        // .dockerignore
        l.add(c(".dockerignore is not UTF-8").setup(bytes(".dockerignore", (byte) 'x', (byte) '\n', (byte) 0xe9)).args("plan")
                .says(".dockerignore", "is not UTF-8 text (invalid byte at offset 2)"));
        l.add(c(".dockerignore is a FIFO").setup(fifo(".dockerignore")).args("plan").says(".dockerignore", "not a regular file"));
        l.add(c(".dockerignore is huge").setup(sparse(".dockerignore", 2L << 30)).args("plan").says(".dockerignore", "more than the limit"));
        l.add(c(".dockerignore links outside").setup((d, p) -> {
            Files.writeString(d.resolve("secret.txt"), PLANTED + "[\n");
            Files.createSymbolicLink(p.resolve(".dockerignore"), d.resolve("secret.txt"));
        }).args("plan").says(".dockerignore", "outside the project root"));
        l.add(c(".dockerignore bad pattern").setup(file(".dockerignore", "[\n")).args("plan").says(".dockerignore"));
        // .devspace and the cache
        l.add(c(".devspace links outside").setup((d, p) -> {
            Files.createDirectories(d.resolve("elsewhere"));
            Files.createSymbolicLink(p.resolve(".devspace"), d.resolve("elsewhere"));
        }).args("plan").says(".devspace", "outside the project root"));
        l.add(c("corrupt cache").exit(0).setup(file(".devspace/devspace-build-cache.json", "{\"version\": 1, \"images\": {")).args("plan")
                .says("is corrupt"));
        l.add(c("cache of a newer version").exit(0).setup(file(".devspace/devspace-build-cache.json", "{\"version\": 99, \"images\": {}}"))
                .args("plan").says("has version 99", "left untouched"));
        l.add(c("cache with a tag that is not a tag").exit(0).setup(file(".devspace/devspace-build-cache.json",
                "{\"version\": 1, \"images\": {\"app\": {\"image\": \"127.0.0.1:1/harden/app\", \"tags\": [\"../../../v2/_catalog?x=\"]}}}"))
                .args("plan").says("images.app: tag '../../../v2/_catalog?x=' is not a valid tag", "treated as absent"));
        l.add(c("cache with a bad digest").exit(0).setup(file(".devspace/devspace-build-cache.json",
                "{\"version\": 1, \"images\": {\"app\": {\"image\": \"127.0.0.1:1/harden/app\", \"tags\": [\"v1\"], \"digest\": \"sha256:x y\"}}}"))
                .args("plan").says("digest 'sha256:x y' is not a valid digest"));
        // build args
        l.add(c("build arg name with a space").setup(yaml(YAML + "    buildArgs:\n      \"A B\": " + PLANTED + "\n")).args("plan")
                .says("images.app.buildArgs: 'A B' is not a build argument name"));
        l.add(c("empty build arg name").setup(yaml(YAML + "    buildArgs:\n      \"\": x\n")).args("plan")
                .says("images.app.buildArgs: '' is not a build argument name"));
        l.add(c("300 KB build arg").setup(yaml(YAML + "    buildArgs:\n      BIG: \"" + PLANTED.repeat(300 * 1024 / PLANTED.length()) + "\"\n"))
                .args("plan").says("images.app.buildArgs are", "KiB in all", "COPY"));
        // context
        l.add(c("file name that is not UTF-8").setup((d, p) -> assertThat(new ProcessBuilder("sh", "-c", "printf x > \"$(printf 'a\\377')\"")
                .directory(p.toFile()).start().waitFor()).isZero()).args("plan").says("is not valid UTF-8"));
        // Docker and registries (no daemon; registry at 127.0.0.1:1)
        l.add(c("unparsable DOCKER_HOST, no fallback").exit(1).env("DOCKER_HOST", "tcp://bad host:x")
                .setup(yaml(YAML + "    docker:\n      disableFallback: true\n")).args("build", "--skip-push", "-t", "t1")
                .says("DOCKER_HOST 'tcp://bad host:x' is not a valid address"));
        l.add(c("DOCKER_HOST with an unknown scheme").exit(1).env("DOCKER_HOST", "ftp://x")
                .setup(yaml(YAML + "    docker:\n      disableFallback: true\n")).args("build", "--skip-push", "-t", "t1")
                .says("DOCKER_HOST 'ftp://x' is not a Docker address"));
        l.add(c("TLS without certificates").exit(1).env("DOCKER_HOST", "tcp://127.0.0.1:1").env("DOCKER_TLS_VERIFY", "1")
                .setup(yaml(YAML + "    docker:\n      disableFallback: true\n")).args("build", "--skip-push", "-t", "t1")
                .says("DOCKER_CERT_PATH"));
        l.add(c("malformed config.json entry for the base registry").exit(1)
                .setup(file("Dockerfile", "FROM 127.0.0.1:1/base:1\nCOPY a.txt /a.txt\n"))
                .setup((d, p) -> Files.writeString(d.resolve("docker/config.json"), dockerConfig("\"127.0.0.1:1\": {\"auth\": 123},")))
                .args("build", "--skip-push", "--builder", "embedded", "-t", "t1").says("config.json: auths.127.0.0.1:1.auth is not a string"));
        l.add(c("malformed config.json, but --registry-credentials for the registry").exit(1)
                .setup(file("Dockerfile", "FROM 127.0.0.1:1/base:1\nCOPY a.txt /a.txt\n")).setup(file("pw", "secret-from-file\n"))
                .setup((d, p) -> Files.writeString(d.resolve("docker/config.json"), dockerConfig("\"127.0.0.1:1\": {\"auth\": 123},")))
                .args("build", "--skip-push", "--builder", "embedded", "-t", "t1", "--registry-credentials", "127.0.0.1:1=u:pw")
                .says("127.0.0.1:1").never("config.json", "secret-from-file"));
        l.add(c("config.json that is not JSON").exit(1)
                .setup(file("Dockerfile", "FROM 127.0.0.1:1/base:1\nCOPY a.txt /a.txt\n"))
                .setup((d, p) -> Files.writeString(d.resolve("docker/config.json"), "{\"auths\": {\"b.example\": {\"auth\": " + PLANTED_B64 + "}}}"))
                .args("build", "--skip-push", "--builder", "embedded", "-t", "t1").says("config.json: is not valid JSON (line 1"));
        l.add(c("kubeconfig is /dev/zero").args("build", "--kubeconfig", "/dev/zero", "--builder", "kaniko", "-t", "t1").exit(1)
                .says("/dev/zero", "not a regular file"));
        return l.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void badInput(Case k) throws Exception {
        Path project = Files.createDirectories(tmp.resolve("project"));
        Files.writeString(project.resolve("devspace.yaml"), YAML);
        Files.writeString(project.resolve("Dockerfile"), "FROM scratch\nCOPY a.txt /a.txt\n");
        Files.writeString(project.resolve("a.txt"), "a");
        Files.createDirectories(tmp.resolve("home"));
        Files.createDirectories(tmp.resolve("docker"));
        Files.writeString(tmp.resolve("docker/config.json"), dockerConfig(""));
        k.setup().apply(tmp, project);
        Map<String, String> before = snapshot(tmp);

        List<String> cmd = new ArrayList<>(List.of("java", "-Xmx256m", "-jar", System.getProperty("devspace.badInputsJar", System.getProperty("devspace.cliJar", "target/devspace-build.jar"))));
        cmd.addAll(k.args());
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(project.toFile()).redirectErrorStream(true);
        pb.redirectOutput(tmp.resolve("output.txt").toFile());
        pb.environment().clear();
        pb.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        pb.environment().put("HOME", tmp.resolve("home").toString());
        pb.environment().put("DOCKER_CONFIG", tmp.resolve("docker").toString());
        pb.environment().put("DOCKER_HOST", "tcp://127.0.0.1:1");
        pb.environment().put("KUBECONFIG", tmp.resolve("no-kubeconfig").toString());
        pb.environment().put("LANG", "C.UTF-8");
        pb.environment().put("DEVSPACE_TEST_SECRET", PLANTED);
        if (System.getenv("JAVA_HOME") != null) {
            pb.environment().put("JAVA_HOME", System.getenv("JAVA_HOME"));
        }
        pb.environment().putAll(k.env());
        Process p = pb.start();
        boolean ended = p.waitFor(TIME_LIMIT_SECONDS, TimeUnit.SECONDS);
        if (!ended) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        String out = Files.readString(tmp.resolve("output.txt"), StandardCharsets.UTF_8);
        assertThat(ended).as("ended within %d s; output so far:%n%s", TIME_LIMIT_SECONDS, out).isTrue();
        assertThat(p.exitValue()).as(out).isEqualTo(k.exit());
        for (String s : k.says()) {
            assertThat(out).as("message names the input").contains(s);
        }
        assertThat(out).as("no stack trace").doesNotContain("\tat ", "Exception in thread", "Caused by:", "OutOfMemoryError")
                .doesNotContain("NullPointerException", "internal error");
        assertThat(out).as("no planted secret").doesNotContain(PLANTED, PLANTED_B64);
        for (String s : k.never()) {
            assertThat(out).doesNotContain(s);
        }
        Map<String, String> after = snapshot(tmp);
        after.remove("output.txt");
        assertThat(after).as("nothing written outside .devspace/").isEqualTo(before);
    }

    /** Every path under {@code root} (links not followed), with its type and size, except .devspace/ of the project. */
    static Map<String, String> snapshot(Path root) throws IOException {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                String rel = root.relativize(p).toString();
                if (rel.startsWith("project/.devspace/") || rel.equals("project/.devspace")) {
                    continue;
                }
                BasicFileAttributes a;
                try {
                    a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                } catch (java.nio.file.NoSuchFileException e) {
                    m.put(rel, "name not representable");
                    continue;
                }
                m.put(rel, (a.isDirectory() ? "d" : a.isSymbolicLink() ? "l" : a.isRegularFile() ? "f" : "o") + " " + (a.isRegularFile() ? a.size() : 0)
                        + " " + (a.isRegularFile() ? a.lastModifiedTime().toMillis() : 0));
            }
        }
        return m;
    }
}
