package io.jenkins.plugins.devspacebuild.cli;

import static io.jenkins.plugins.devspacebuild.testing.TestFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.devspacebuild.testing.TestFiles;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line's interface: commands, options, output formats and exit codes (no daemon needed). */
class CliTest {
    @TempDir
    Path tmp;

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    Path example() {
        Path p = tmp.resolve("monorepo");
        TestFiles.copyExample(p);
        return p;
    }

    @Test
    void planJson() throws Exception {
        Path p = example();
        Run r = run("plan", "-f", p.resolve("devspace.yaml").toString(), "--root", tmp.toString(), "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode arr = new ObjectMapper().readTree(r.out());
        assertThat(arr).hasSize(3);
        JsonNode api = arr.get(0);
        assertThat(api.get("name").asText()).isEqualTo("api");
        assertThat(api.get("decision").asText()).isEqualTo("build");
        assertThat(api.get("reason").asText()).isEqualTo("no earlier build");
        assertThat(api.get("dockerfileHash").asText()).matches("[0-9a-f]{64}");
        assertThat(api.get("contextHash").asText()).matches("[0-9a-f]{64}");
        assertThat(api.get("configHash").asText()).matches("[0-9a-f]{64}");
        List<String> keys = new java.util.ArrayList<>();
        api.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("name", "decision", "reason", "dockerfileHash", "contextHash", "configHash");
        assertThat(r.err()).contains("warning: no cache at");
        Run forced = run("plan", "-f", p.resolve("devspace.yaml").toString(), "--root", tmp.toString(), "-b");
        assertThat(forced.out()).contains("api: build (forced)").contains("  dockerfile ").contains("  context    ").contains("  config     ");
    }

    @Test
    void planListsADisabledImageAsSkippedWithTheReason() throws Exception {
        write(tmp, "Dockerfile", "FROM scratch\n");
        write(tmp, "devspace.yaml", "version: v1beta11\nimages:\n  off:\n    image: registry.example.com/off\n    dockerfile: ./missing/Dockerfile\n"
                + "    build:\n      disabled: true\n  on:\n    image: registry.example.com/on\n");
        String f = tmp.resolve("devspace.yaml").toString();
        Run text = run("plan", "-f", f, "--root", tmp.toString());
        assertThat(text.code()).as(text.err()).isZero();
        assertThat(text.out()).startsWith("off: skip (disabled: build.disabled is set (").contains("\non: build (no earlier build)\n");
        Run json = run("plan", "-f", f, "--root", tmp.toString(), "--json");
        JsonNode off = new ObjectMapper().readTree(json.out()).get(0);
        assertThat(off.get("name").asText()).isEqualTo("off");
        assertThat(off.get("decision").asText()).isEqualTo("skip");
        assertThat(off.get("reason").asText()).startsWith("disabled: build.disabled is set (");
        assertThat(off.get("dockerfileHash").isNull()).isTrue();
    }

    @Test
    void contextList() {
        Path p = example();
        Run r = run("context", "list", "-f", p.resolve("devspace.yaml").toString(), "--root", tmp.toString(), "api");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out().lines()).containsExactly("f .dockerignore", "f Dockerfile", "f README.md", "f package.json", "d src",
                "f src/routes.js", "f src/server");
    }

    @Test
    void contextListShowsLinks() throws Exception {
        write(tmp, "Dockerfile", "FROM scratch\n");
        write(tmp, "devspace.yaml", "version: v2beta1\nimages:\n  a:\n    image: x/a\n");
        write(tmp, "b/z.txt", "z");
        Files.createSymbolicLink(tmp.resolve("b/link"), Path.of("z.txt"));
        Files.createDirectories(tmp.resolve("a-empty"));
        Run r = run("context", "list", "-f", tmp.resolve("devspace.yaml").toString(), "--root", tmp.toString(), "a");
        assertThat(r.out().lines()).containsExactly("f Dockerfile", "d a-empty", "d b", "l b/link -> z.txt", "f b/z.txt", "f devspace.yaml");
    }

    @Test
    void badConfigExitsTwoWithTheLocationAndNoStackTrace() throws Exception {
        write(tmp, "Dockerfile", "FROM scratch\n");
        write(tmp, "devspace.yaml", "version: v2beta1\nimages:\n  a:\n    image: x/a\n    contex: ./\n");
        for (String cmd : List.of("plan", "build")) {
            Run r = run(cmd, "-f", tmp.resolve("devspace.yaml").toString(), "--root", tmp.toString());
            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err()).isEqualTo("error: devspace.yaml:5:5: images.a.contex: unknown key; did you mean 'context'?\n");
        }
        Run missing = run("context", "list", "-f", tmp.resolve("devspace.yaml").toString().replace("devspace", "nope"), "--root", tmp.toString(), "a");
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).startsWith("error: nope.yaml: no such file");
        Run unknownImage = run("context", "list", "-f", tmp.resolve("devspace.yaml").toString(), "--root", tmp.toString(), "zzz");
        assertThat(unknownImage.code()).isEqualTo(2);
    }

    @Test
    void usageErrorsExitTwo() {
        assertThat(run("build", "--max-parallel", "many").code()).isEqualTo(2);
        assertThat(run("frobnicate").code()).isEqualTo(2);
        Run creds = run("build", "--registry-credentials", "registry.example.com=user", "-f", "/nonexistent/devspace.yaml");
        assertThat(creds.code()).isEqualTo(2);
        assertThat(creds.err()).isEqualTo("error: --registry-credentials 'registry.example.com=user' is not HOST=USER:PASSWORD_FILE\n");
        Run file = run("build", "--registry-credentials", "r.example.com=u:/nonexistent/pw", "-f", "/nonexistent/devspace.yaml");
        assertThat(file.err()).startsWith("error: --registry-credentials for r.example.com (user u): the password file does not exist")
                .doesNotContain("/nonexistent/pw");
    }

    @Test
    void buildOptionsParse() {
        BuildCommand b = CommandLine.populateCommand(new BuildCommand(), "-f", "x.yaml", "-b", "--build-sequential", "--max-parallel", "3",
                "--fail-fast", "--skip-push", "-t", "a", "--tag", "b", "--registry-credentials", "h=u:/f", "--output-file", "o.json",
                "--output-env", "o.env", "--var", "K=V", "api", "web");
        assertThat(b.force).isTrue();
        assertThat(b.sequential).isTrue();
        assertThat(b.maxParallel).isEqualTo(3);
        assertThat(b.failFast).isTrue();
        assertThat(b.skipPush).isTrue();
        assertThat(b.tags).containsExactly("a", "b");
        assertThat(b.images).containsExactly("api", "web");
        assertThat(b.project.vars).containsEntry("K", "V");
    }

    @Test
    void profilesAreAppliedInOrderAndAnUnknownOneNamesTheOthers() throws Exception {
        write(tmp, "Dockerfile", "FROM scratch\n");
        write(tmp, "devspace.yaml", """
                version: v2beta1
                images:
                  a: {image: x/a}
                profiles:
                  - {name: extra, merge: {images: {b: {image: x/b}}}}
                  - {name: no-a, patches: [{op: remove, path: images.a}]}
                """);
        String f = tmp.resolve("devspace.yaml").toString();
        Run both = run("plan", "-f", f, "--root", tmp.toString(), "-p", "extra", "--profile", "no-a");
        assertThat(both.code()).as(both.err()).isZero();
        assertThat(both.out()).contains("b: build").doesNotContain("a: build");
        Run unknown = run("plan", "-f", f, "--root", tmp.toString(), "-p", "prod");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).isEqualTo("error: no profile 'prod' in devspace.yaml; its profiles are: extra, no-a\n");
        assertThat(CommandLine.populateCommand(new BuildCommand(), "-p", "a", "-p", "b").project.profiles).containsExactly("a", "b");
    }

    @Test
    void aConfigWithoutImagesBuildsNothingAndSaysSo() throws Exception {
        write(tmp, "devspace.yaml", "version: v2beta1\ndeployments: {}\n");
        for (String cmd : List.of("plan", "build")) {
            Run r = run(cmd, "-f", tmp.resolve("devspace.yaml").toString(), "--root", tmp.toString());
            assertThat(r.code()).as(cmd + ": " + r.err()).isZero();
            if (cmd.equals("plan")) {
                // build prints its events on the console (System.out), not through these writers
                assertThat(r.err()).contains("warning: devspace.yaml: no images are defined: nothing to build");
            }
        }
    }

    @Test
    void everyProblemIsPrintedAtOnce() throws Exception {
        write(tmp, "Dockerfile", "FROM scratch\n");
        write(tmp, "devspace.yaml", "version: v2beta1\nimages:\n  a:\n    image: x/a\n    contex: ./\n  b:\n    imag: x/b\n");
        Run r = run("plan", "-f", tmp.resolve("devspace.yaml").toString(), "--root", tmp.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("""
                error: devspace.yaml has 3 problems:
                  devspace.yaml:5:5: images.a.contex: unknown key; did you mean 'context'?
                  devspace.yaml:7:5: images.b.image: is required: name the image to build, e.g. image: registry.example.com/team/b
                  devspace.yaml:7:5: images.b.imag: unknown key; did you mean 'image'?
                """);
    }

    /** Issues 13.3 and 13.9: a password file is a bounded regular file; a missing one is not echoed (it may be the password). */
    @Test
    void passwordFilesAreBoundedAndNeverEchoed() throws Exception {
        Run zero = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(30),
                () -> run("build", "--registry-credentials", "r.example.com=u:/dev/zero", "-f", "/nonexistent/devspace.yaml"));
        assertThat(zero.code()).isEqualTo(2);
        assertThat(zero.err()).isEqualTo("error: --registry-credentials for r.example.com: the password file /dev/zero is a FIFO, socket or "
                + "device, not a regular file; give the path of a file\n");
        Run typed = run("build", "--registry-credentials", "r.example.com=u:S3cr3t-Typed", "-f", "/nonexistent/devspace.yaml");
        assertThat(typed.code()).isEqualTo(2);
        assertThat(typed.err()).doesNotContain("S3cr3t-Typed")
                .contains("--registry-credentials for r.example.com (user u): the password file does not exist");
        Path big = tmp.resolve("big");
        try (java.io.RandomAccessFile raf = new java.io.RandomAccessFile(big.toFile(), "rw")) {
            raf.setLength(2L << 30);
        }
        assertThat(run("build", "--registry-credentials", "r.example.com=u:" + big, "-f", "/nonexistent/devspace.yaml").err())
                .contains("the password file " + big + " is 2.0 GiB, more than the limit of 64.0 KiB");
    }
}
