package io.jenkins.plugins.devspacebuild.builder;

import static io.jenkins.plugins.devspacebuild.testing.TestFiles.executable;
import static io.jenkins.plugins.devspacebuild.testing.TestFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.cloud.tools.jib.api.RegistryUnauthorizedException;
import io.jenkins.plugins.devspacebuild.builder.embedded.BaseImageConfig;
import io.jenkins.plugins.devspacebuild.builder.embedded.BaseImages;
import io.jenkins.plugins.devspacebuild.builder.embedded.ContainerSettings;
import io.jenkins.plugins.devspacebuild.builder.embedded.DockerfileInterpreter;
import io.jenkins.plugins.devspacebuild.builder.embedded.DockerfileProblem;
import io.jenkins.plugins.devspacebuild.builder.embedded.ImageRecipe;
import io.jenkins.plugins.devspacebuild.builder.embedded.JibFailures;
import io.jenkins.plugins.devspacebuild.builder.embedded.JibImageWriter;
import io.jenkins.plugins.devspacebuild.builder.embedded.LayerEntry;
import io.jenkins.plugins.devspacebuild.builder.embedded.LayerPlan;
import io.jenkins.plugins.devspacebuild.builder.embedded.LayerTar;
import io.jenkins.plugins.devspacebuild.builder.embedded.RegistryBaseImages;
import io.jenkins.plugins.devspacebuild.builder.embedded.ResolvedBase;
import io.jenkins.plugins.devspacebuild.cache.CacheEntry;
import io.jenkins.plugins.devspacebuild.cache.ContextDigest;
import io.jenkins.plugins.devspacebuild.config.EmbeddedSpec;
import io.jenkins.plugins.devspacebuild.context.BuildContext;
import io.jenkins.plugins.devspacebuild.context.ContextEntry;
import io.jenkins.plugins.devspacebuild.context.ContextWalker;
import io.jenkins.plugins.devspacebuild.registry.RetryPolicy;
import io.jenkins.plugins.devspacebuild.testing.TestFiles;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The embedded builder's Dockerfile interpreter, without a daemon: what each instruction does to the image's
 * configuration and files (Docker's rules, checked against the classic builder where they are subtle), and that every
 * instruction it cannot express is an error naming file, line and instruction.
 */
class EmbeddedBuilderTest {
    @TempDir
    Path tmp;
    Path ctx;
    List<ContextEntry> entries;

    /** A base image in a registry, with its own settings: what a Dockerfile FROM it inherits. */
    static final BaseImageConfig BASE = new BaseImageConfig(List.of("/entry"), List.of("--base-arg"),
            ordered("PATH", "/base/bin:/bin", "LANG", "C.UTF-8"), Map.of("vendor", "base"), "/srv", "daemon", Set.of("9000/tcp"),
            Set.of("/data"), null, List.of());

    static Map<String, String> ordered(String... keysAndValues) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    @BeforeEach
    void context() throws Exception {
        ctx = tmp.resolve("ctx");
        write(ctx, "a", "a\n");
        write(ctx, "b", "b\n");
        write(ctx, "dir/x", "x\n");
        write(ctx, "dir/sub/y", "y\n");
        executable(ctx, "run.sh", "#!/bin/sh\n");
        Files.createSymbolicLink(ctx.resolve("link"), Path.of("a"));
        Files.createSymbolicLink(ctx.resolve("dirlink"), Path.of("dir"));
        Files.createSymbolicLink(ctx.resolve("dir/up"), Path.of("../a"));
        Files.createDirectories(ctx.resolve("empty"));
        write(ctx, "Dockerfile", "FROM scratch\n");
        entries = ContextWalker.walk(ctx, ctx.resolve("Dockerfile"), tmp).entries();
    }

    ImageRecipe interpret(String dockerfile, Map<String, String> buildArgs) throws Exception {
        BaseImages bases = written -> new ResolvedBase(written, "reg.example", "reg.example/base@sha256:" + "0".repeat(64), BASE);
        return DockerfileInterpreter.interpret(dockerfile, "Dockerfile", null, buildArgs, entries, bases);
    }

    ImageRecipe interpret(String dockerfile) throws Exception {
        return interpret(dockerfile, Map.of());
    }

    /** Every entry of every layer, as {@code type mode uid:gid path}. */
    static List<String> files(ImageRecipe r) {
        List<String> out = new ArrayList<>();
        for (LayerPlan l : r.layers()) {
            for (LayerEntry e : l.entries()) {
                out.add(e.listing());
            }
        }
        return out;
    }

    // ---- configuration

    static Stream<Arguments> configuration() {
        return Stream.of(
                // ENV: both forms, quotes, references to earlier values, and an instruction's own pairs see the old value
                Arguments.of("ENV A=1 B=\"two words\" C='$A' D=\\$A", "env", "", null),
                Arguments.of("ENV OLD the rest of the line", "env.OLD", "the rest of the line", null),
                Arguments.of("ENV A=1\nENV A=2 B=$A C=${A}x", "env.B", "1", null),
                Arguments.of("ENV A=1\nENV A=2 B=$A C=${A}x", "env.C", "1x", null),
                Arguments.of("ENV E=${UNSET:-fallback} F=${A:+alt}", "env.E", "fallback", null),
                Arguments.of("ENV A=1\nENV F=${A:+alt}", "env.F", "alt", null),
                Arguments.of("ENV P=\"a\\\"b\"", "env.P", "a\"b", null),
                Arguments.of("ENV PATH=/app/bin:$PATH", "env.PATH", "/app/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", null),
                // LABEL
                Arguments.of("LABEL a=1 \"b c\"=\"d e\"", "labels", "{a=1, b c=d e}", null),
                Arguments.of("ARG V=dev\nLABEL version=\"${V}\"", "labels.version", "dev", null),
                Arguments.of("ARG V=dev\nLABEL version=\"${V}\"", "labels.version", "1.4.2", "V=1.4.2"),
                // ARG: scope, global ARG before FROM, ENV wins over ARG
                Arguments.of("ARG X\nLABEL x=[$X]", "labels.x", "[]", null),
                Arguments.of("ARG X\nLABEL x=[$X]", "labels.x", "[given]", "X=given"),
                Arguments.of("ARG X=a\nENV X=b\nLABEL x=$X", "labels.x", "b", null),
                Arguments.of("ARG A=1 B=${A}2\nLABEL b=$B", "labels.b", "12", null),
                Arguments.of("LABEL undeclared=[$NOT_AN_ARG]", "labels.undeclared", "[]", "NOT_AN_ARG=x"),
                // WORKDIR: relative to the previous one, cleaned
                Arguments.of("WORKDIR /a\nWORKDIR b\nWORKDIR ../c/./d/", "workingDir", "/a/c/d", null),
                Arguments.of("ENV BASE=/opt\nWORKDIR $BASE/app", "workingDir", "/opt/app", null),
                Arguments.of("WORKDIR rel", "workingDir", "/rel", null),
                // USER, EXPOSE, VOLUME
                Arguments.of("USER 1000:1000", "user", "1000:1000", null),
                Arguments.of("ENV U=app\nUSER $U", "user", "app", null),
                Arguments.of("EXPOSE 80 443/udp 8000-8002/TCP", "exposedPorts", "[80/tcp, 443/udp, 8000/tcp, 8001/tcp, 8002/tcp]", null),
                Arguments.of("VOLUME [\"/data\", \"/logs\"]", "volumes", "[/data, /logs]", null),
                Arguments.of("ENV V=/var\nVOLUME $V/a /b", "volumes", "[/var/a, /b]", null),
                // CMD / ENTRYPOINT: exec and shell forms, no expansion, Docker's CMD reset
                Arguments.of("CMD [\"run\", \"$HOME\"]", "cmd", "[run, $HOME]", null),
                Arguments.of("CMD echo \"$HOME\" && exit 1", "cmd", "[/bin/sh, -c, echo \"$HOME\" && exit 1]", null),
                Arguments.of("ENTRYPOINT exec /app --flag", "entrypoint", "[/bin/sh, -c, exec /app --flag]", null),
                Arguments.of("CMD [not json", "cmd", "[/bin/sh, -c, [not json]", null),
                Arguments.of("CMD [\"c\"]\nENTRYPOINT [\"e\"]", "cmd", "[c]", null),
                Arguments.of("ENTRYPOINT [\"e\"]\nCMD [\"c\"]", "cmd", "[c]", null),
                Arguments.of("CMD [\"c\"]\nFROM base AS final\nENTRYPOINT [\"e\"]", "cmd", "null", null),
                Arguments.of("CMD [\"c\"]\nFROM base AS final\nENTRYPOINT [\"e\"]", "entrypoint", "[e]", null),
                Arguments.of("ENV A=1\nFROM base\nLABEL a=$A", "labels.a", "1", null),
                Arguments.of("ARG S=1\nFROM base\nLABEL s=[$S]", "labels.s", "[]", null));
    }

    @ParameterizedTest(name = "[{index}] {1} of: {0}")
    @MethodSource("configuration")
    void instructionsSetTheConfiguration(String body, String field, String expected, String buildArg) throws Exception {
        Map<String, String> args = buildArg == null ? Map.of() : Map.of(buildArg.split("=")[0], buildArg.split("=")[1]);
        ContainerSettings s = interpret("FROM scratch AS base\n" + body + "\n", args).settings();
        if (field.equals("env")) {
            assertThat(s.env()).containsExactly(Map.entry("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"),
                    Map.entry("A", "1"), Map.entry("B", "two words"), Map.entry("C", "$A"), Map.entry("D", "$A"));
            return;
        }
        assertThat(String.valueOf(field(s, field))).isEqualTo(expected);
    }

    static Object field(ContainerSettings s, String field) {
        if (field.startsWith("env.")) {
            return s.env().get(field.substring(4));
        }
        if (field.startsWith("labels.")) {
            return s.labels().get(field.substring(7));
        }
        return switch (field) {
            case "labels" -> s.labels();
            case "workingDir" -> s.workingDir();
            case "user" -> s.user();
            case "exposedPorts" -> s.exposedPorts();
            case "volumes" -> s.volumes();
            case "cmd" -> s.cmd();
            case "entrypoint" -> s.entrypoint();
            default -> throw new IllegalArgumentException(field);
        };
    }

    @Test
    void scratchGetsDockersDefaultPathAndNothingElse() throws Exception {
        ContainerSettings s = interpret("FROM scratch\n").settings();
        assertThat(s.env()).containsExactly(Map.entry("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"));
        assertThat(s.entrypoint()).isNull();
        assertThat(s.cmd()).isNull();
        assertThat(s.workingDir()).isNull();
        assertThat(s.labels()).isEmpty();
    }

    @Test
    void registryBaseIsInheritedAsDockerDoes() throws Exception {
        ImageRecipe r = interpret("FROM reg.example/base:1\nENV PATH=/app:$PATH\nCOPY a .\n");
        assertThat(r.base().reference()).isEqualTo("reg.example/base@sha256:" + "0".repeat(64));
        ContainerSettings s = r.settings();
        assertThat(s.env()).containsExactly(Map.entry("PATH", "/app:/base/bin:/bin"), Map.entry("LANG", "C.UTF-8"));
        assertThat(s.entrypoint()).containsExactly("/entry");
        assertThat(s.cmd()).containsExactly("--base-arg");
        assertThat(s.workingDir()).isEqualTo("/srv");
        assertThat(s.user()).isEqualTo("daemon");
        assertThat(s.labels()).containsEntry("vendor", "base");
        // a relative destination is relative to the inherited WORKDIR; the base image's own directories are not rewritten
        assertThat(files(r)).containsExactly("f 0644 0:0 /srv/a");
        // an ENTRYPOINT resets the inherited CMD; a CMD keeps the inherited ENTRYPOINT
        assertThat(interpret("FROM reg.example/base:1\nENTRYPOINT [\"/mine\"]\n").settings().cmd()).isNull();
        assertThat(interpret("FROM reg.example/base:1\nCMD [\"x\"]\n").settings().entrypoint()).containsExactly("/entry");
    }

    @Test
    void globalArgsNameTheBaseImage() throws Exception {
        List<String> seen = new ArrayList<>();
        BaseImages bases = written -> {
            seen.add(written);
            return new ResolvedBase(written, "reg.example", "reg.example/x@sha256:" + "1".repeat(64), BaseImageConfig.SCRATCH);
        };
        String df = "ARG REG=reg.example\nARG TAG=1\nFROM ${REG}/base:$TAG\nARG TAG\nLABEL tag=$TAG\n";
        ImageRecipe r = DockerfileInterpreter.interpret(df, "Dockerfile", null, Map.of("TAG", "2"), entries, bases);
        assertThat(seen).containsExactly("reg.example/base:2");
        assertThat(r.settings().labels()).containsEntry("tag", "2");
        assertThat(r.warnings()).isEmpty();
        ImageRecipe unused = interpret("FROM scratch\n", Map.of("NOBODY", "x"));
        assertThat(unused.warnings()).containsExactly("build arguments NOBODY are not declared by an ARG of Dockerfile (in the built stages); "
                + "they have no effect");
    }

    @Test
    void targetStageAndItsChainOnly() throws Exception {
        String df = "FROM scratch AS one\nCOPY a /one\nFROM one AS two\nCOPY b /two\nFROM scratch AS other\nRUN echo never\n";
        ImageRecipe r = DockerfileInterpreter.interpret(df, "Dockerfile", "two", Map.of(), entries, null);
        assertThat(files(r)).containsExactly("f 0644 0:0 /one", "f 0644 0:0 /two");
        assertThat(EmbeddedBuilder.inexpressible(df, "Dockerfile", "two")).isEmpty();
        assertThat(EmbeddedBuilder.inexpressible(df, "Dockerfile", null)).hasValueSatisfying(m -> assertThat(m).startsWith("Dockerfile:6: RUN: "));
    }

    @Test
    void escapeDirective() throws Exception {
        ImageRecipe r = interpret("# escape=`\nFROM scratch\nENV A=x`$B C=\"q`\"q\"\nCOPY a `\n  /a\n");
        assertThat(r.settings().env()).containsEntry("A", "x$B").containsEntry("C", "q\"q");
        assertThat(files(r)).containsExactly("f 0644 0:0 /a");
    }

    // ---- files

    static Stream<Arguments> destinations() {
        return Stream.of(
                Arguments.of("COPY a /x", List.of("f 0644 0:0 /x")),
                Arguments.of("COPY a /x/", List.of("d 0755 0:0 /x", "f 0644 0:0 /x/a")),
                Arguments.of("COPY a /p/q/r", List.of("d 0755 0:0 /p", "d 0755 0:0 /p/q", "f 0644 0:0 /p/q/r")),
                Arguments.of("WORKDIR /w\nCOPY a .", List.of("d 0755 0:0 /w", "f 0644 0:0 /w/a")),
                Arguments.of("WORKDIR /w\nCOPY a rel/", List.of("d 0755 0:0 /w", "d 0755 0:0 /w/rel", "f 0644 0:0 /w/rel/a")),
                Arguments.of("WORKDIR /w\nCOPY a rel", List.of("d 0755 0:0 /w", "f 0644 0:0 /w/rel")),
                Arguments.of("COPY a b /m/", List.of("d 0755 0:0 /m", "f 0644 0:0 /m/a", "f 0644 0:0 /m/b")),
                Arguments.of("WORKDIR /w\nCOPY a b .", List.of("d 0755 0:0 /w", "f 0644 0:0 /w/a", "f 0644 0:0 /w/b")),
                Arguments.of("COPY [\"a\", \"/json dest/\"]", List.of("d 0755 0:0 /json dest", "f 0644 0:0 /json dest/a")),
                Arguments.of("ENV D=/env\nCOPY a ${D}/", List.of("d 0755 0:0 /env", "f 0644 0:0 /env/a")),
                // a directory copies its contents; links inside stay links; the executable bit is kept
                Arguments.of("COPY dir /d", List.of("d 0755 0:0 /d", "d 0755 0:0 /d/sub", "f 0644 0:0 /d/sub/y", "l 0777 0:0 /d/up -> ../a",
                        "f 0644 0:0 /d/x")),
                Arguments.of("COPY dir/sub/ /", List.of("f 0644 0:0 /y")),
                Arguments.of("COPY run.sh /bin/", List.of("d 0755 0:0 /bin", "f 0755 0:0 /bin/run.sh")),
                Arguments.of("COPY empty /e/", List.of("d 0755 0:0 /e")),
                // a link named as the source is followed (a file keeps the link's name)
                Arguments.of("COPY link /l", List.of("f 0644 0:0 /l")),
                Arguments.of("COPY link /ldir/", List.of("d 0755 0:0 /ldir", "f 0644 0:0 /ldir/link")),
                Arguments.of("COPY dirlink/sub /s/", List.of("d 0755 0:0 /s", "f 0644 0:0 /s/y")),
                // wildcards: every matching context path; '*' does not cross '/'
                Arguments.of("COPY [ab] /c/", List.of("d 0755 0:0 /c", "f 0644 0:0 /c/a", "f 0644 0:0 /c/b")),
                // a matched link is followed like a named one (Docker resolves every match)
                Arguments.of("COPY dir/* /g/", List.of("d 0755 0:0 /g", "f 0644 0:0 /g/up", "f 0644 0:0 /g/x", "f 0644 0:0 /g/y")),
                Arguments.of("COPY d?r/s* /q/", List.of("d 0755 0:0 /q", "f 0644 0:0 /q/y")),
                // '..' cannot leave the context
                Arguments.of("COPY ../../a /up", List.of("f 0644 0:0 /up")),
                // --chown: numeric, the group defaults to the user; new parents of a file get it, parents of a directory copy do not
                Arguments.of("COPY --chown=9 a /p/q/r", List.of("d 0755 9:9 /p", "d 0755 9:9 /p/q", "f 0644 9:9 /p/q/r")),
                Arguments.of("COPY --chown=\"9:9\" a /quoted", List.of("f 0644 9:9 /quoted")),
                Arguments.of("COPY --chown=7:8 dir/sub /new/deeper/", List.of("d 0755 0:0 /new", "d 0755 7:8 /new/deeper",
                        "f 0644 7:8 /new/deeper/y")),
                Arguments.of("COPY dir/sub /existing/\nCOPY --chown=5:5 b /existing/", List.of("d 0755 0:0 /existing", "f 0644 0:0 /existing/y",
                        "f 0644 5:5 /existing/b")),
                // --chmod: every copied file and directory (BuildKit's rule), not links
                Arguments.of("COPY --chmod=0640 a /a", List.of("f 0640 0:0 /a")),
                Arguments.of("COPY --chmod=700 dir /d", List.of("d 0700 0:0 /d", "d 0700 0:0 /d/sub", "f 0700 0:0 /d/sub/y",
                        "l 0777 0:0 /d/up -> ../a", "f 0700 0:0 /d/x")),
                // ADD of plain files is COPY
                Arguments.of("ADD a /add/", List.of("d 0755 0:0 /add", "f 0644 0:0 /add/a")),
                // WORKDIR creates its directory in a scratch image
                Arguments.of("WORKDIR /srv/app", List.of("d 0755 0:0 /srv", "d 0755 0:0 /srv/app")));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("destinations")
    void copyFollowsDockersDestinationRules(String body, List<String> expected) throws Exception {
        assertThat(files(interpret("FROM scratch\n" + body + "\n"))).containsExactlyElementsOf(expected);
    }

    @Test
    void copyOfTheWholeContextLeavesOutWhatTheDaemonRemoves() throws Exception {
        write(ctx, ".dockerignore", "Dockerfile\n.dockerignore\nb\n");
        write(ctx, "Dockerfile", "FROM scratch\nCOPY . /ctx/\n");
        BuildContext c = ContextWalker.walk(ctx, ctx.resolve("Dockerfile"), tmp);
        BuildInput input = new BuildInput("FROM scratch\nCOPY . /ctx/\n", c, new ContextDigest("x", Map.of(), Map.of()), false);
        // the engine sends Dockerfile and .dockerignore (the daemon must read them), the daemon drops them before COPY
        assertThat(c.entries()).extracting(ContextEntry::path).contains("Dockerfile", ".dockerignore").doesNotContain("b");
        List<ContextEntry> visible = EmbeddedBuilder.visibleEntries(input);
        assertThat(visible).extracting(ContextEntry::path).doesNotContain("Dockerfile", ".dockerignore", "b").contains("a", "dir/x", "link");
        ImageRecipe r = DockerfileInterpreter.interpret(input.dockerfileText(), "Dockerfile", null, Map.of(), visible, null);
        assertThat(files(r)).contains("d 0755 0:0 /ctx", "l 0777 0:0 /ctx/link -> a", "l 0777 0:0 /ctx/dirlink -> dir", "d 0755 0:0 /ctx/empty")
                .doesNotContain("f 0644 0:0 /ctx/Dockerfile");
        // a generated Dockerfile (override) travels as .dockerfile.<hash>, named in the sent .dockerignore: the original stays
        Files.delete(ctx.resolve(".dockerignore"));
        BuildContext plain = ContextWalker.walk(ctx, ctx.resolve("Dockerfile"), tmp);
        BuildInput generated = new BuildInput("FROM scratch\nCOPY . /ctx/\nENTRYPOINT [\"x\"]\n", plain, new ContextDigest("x", Map.of(), Map.of()),
                true);
        assertThat(EmbeddedBuilder.visibleEntries(generated)).extracting(ContextEntry::path).contains("Dockerfile", "b");
    }

    static Stream<Arguments> copyErrors() {
        return Stream.of(
                Arguments.of("COPY missing /x", "Dockerfile:2: COPY: file not found in build context or excluded by .dockerignore: missing"),
                Arguments.of("COPY nomatch* /x/", "Dockerfile:2: COPY: no source files were specified"),
                Arguments.of("COPY a b /m", "Dockerfile:2: COPY: when using COPY with more than one source file, the destination must be a "
                        + "directory and end with a /"),
                Arguments.of("COPY a", "Dockerfile:2: COPY: COPY requires at least two arguments"),
                Arguments.of("COPY --chown=$NAME a /a", "Dockerfile:2: COPY: --chown=: the embedded builder needs numeric ids"),
                Arguments.of("ENV M=rwx\nCOPY --chmod=$M a /a", "Dockerfile:3: COPY: --chmod=rwx: the embedded builder needs an octal mode"),
                Arguments.of("ENV X=\"unterminated", "Dockerfile:2: ENV: unexpected end of statement while looking for matching double-quote"),
                Arguments.of("LABEL x=${A:=b}", "Dockerfile:2: LABEL: unsupported modifier (=) in substitution"),
                Arguments.of("VOLUME relative", "Dockerfile:2: VOLUME: VOLUME relative: the embedded builder needs an absolute path"),
                Arguments.of("EXPOSE 80/ftp", "Dockerfile:2: EXPOSE: invalid protocol in 80/ftp"),
                Arguments.of("WORKDIR", "Dockerfile:2: WORKDIR: WORKDIR requires exactly one argument"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("copyErrors")
    void mistakesAreErrorsWithTheLine(String body, String message) {
        assertThatThrownBy(() -> interpret("FROM scratch\n" + body + "\n")).isInstanceOf(DockerfileProblem.class).hasMessageStartingWith(message);
    }

    @Test
    void addOfAnArchiveIsRefusedByContent() throws Exception {
        ByteArrayOutputStream tgz = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(tgz))) {
            TarArchiveEntry e = new TarArchiveEntry("inside.txt");
            e.setSize(2);
            tar.putArchiveEntry(e);
            tar.write("hi".getBytes(StandardCharsets.UTF_8));
            tar.closeArchiveEntry();
        }
        Files.write(ctx.resolve("bundle"), tgz.toByteArray());
        Files.write(ctx.resolve("notatar.gz"), gzip("just text"));
        entries = ContextWalker.walk(ctx, ctx.resolve("Dockerfile"), tmp).entries();
        assertThatThrownBy(() -> interpret("FROM scratch\nADD bundle /opt/\n")).isInstanceOf(DockerfileProblem.class)
                .hasMessage("Dockerfile:2: ADD: bundle is a tar archive, which ADD extracts; the embedded builder does not extract archives: "
                        + "use COPY to copy it as it is, or build this image with the docker or kaniko builder");
        // COPY copies it as it is; ADD of compressed non-tar data is a copy too (Docker decides by content)
        assertThat(files(interpret("FROM scratch\nCOPY bundle /opt/\n"))).contains("f 0644 0:0 /opt/bundle");
        assertThat(files(interpret("FROM scratch\nADD notatar.gz /opt/\n"))).contains("f 0644 0:0 /opt/notatar.gz");
    }

    static byte[] gzip(String s) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (GZIPOutputStream g = new GZIPOutputStream(b)) {
            g.write(s.getBytes(StandardCharsets.UTF_8));
        }
        return b.toByteArray();
    }

    // ---- what the embedded builder cannot express

    static Stream<Arguments> inexpressible() {
        return Stream.of(
                Arguments.of("RUN echo hi", "Dockerfile:3: RUN: RUN runs a command in a container, which the embedded builder does not have; "
                        + "build this image with the docker or kaniko builder"),
                Arguments.of("HEALTHCHECK CMD true", "Dockerfile:3: HEALTHCHECK: HEALTHCHECK cannot be expressed by the embedded builder; "
                        + "build this image with the docker or kaniko builder"),
                Arguments.of("ONBUILD COPY . /", "Dockerfile:3: ONBUILD: ONBUILD cannot be expressed"),
                Arguments.of("STOPSIGNAL SIGTERM", "Dockerfile:3: STOPSIGNAL: STOPSIGNAL cannot be expressed"),
                Arguments.of("SHELL [\"/bin/bash\", \"-c\"]", "Dockerfile:3: SHELL: SHELL cannot be expressed"),
                Arguments.of("MAINTAINER someone", "Dockerfile:3: MAINTAINER: MAINTAINER cannot be expressed"),
                Arguments.of("COPY --from=build /out /out", "Dockerfile:3: COPY: COPY --from copies from another stage or image, which the "
                        + "embedded builder does not support; build this image with the docker or kaniko builder"),
                Arguments.of("COPY --from=busybox:1 /bin/sh /sh", "Dockerfile:3: COPY: COPY --from"),
                Arguments.of("COPY --exclude=*.md . /", "Dockerfile:3: COPY: --exclude is not supported by the embedded builder"),
                Arguments.of("ADD https://example.com/x.tgz /x", "Dockerfile:3: ADD: ADD of a URL (https://example.com/x.tgz) downloads it"),
                Arguments.of("ADD git@github.com:a/b.git /src", "Dockerfile:3: ADD: ADD of a URL (git@github.com:a/b.git)"),
                Arguments.of("ADD app.tar.gz /opt/", "Dockerfile:3: ADD: ADD of app.tar.gz would extract the archive"),
                Arguments.of("ADD --checksum=sha256:00 a /a", "Dockerfile:3: ADD: --checksum is not supported"),
                Arguments.of("COPY <<EOF /hello\nhi\nEOF", "Dockerfile:3: COPY: COPY with a heredoc (<<) is not supported"),
                Arguments.of("COPY --chown=app:app a /a", "Dockerfile:3: COPY: --chown=app:app: the embedded builder needs numeric ids"),
                Arguments.of("COPY --chmod=u+x a /a", "Dockerfile:3: COPY: --chmod=u+x: the embedded builder needs an octal mode"),
                Arguments.of("BOGUS x", "Dockerfile:3: BOGUS: unknown instruction BOGUS"),
                Arguments.of("FROM --platform=linux/arm64 scratch", "Dockerfile:3: FROM: --platform=linux/arm64: the embedded builder builds "
                        + "linux/amd64 images only"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("inexpressible")
    void unsupportedInstructionsNameFileLineAndInstruction(String instruction, String message) throws Exception {
        String df = "FROM scratch\nLABEL a=b\n" + instruction + "\nCOPY a /a\n";
        assertThat(EmbeddedBuilder.inexpressible(df, "Dockerfile", null)).hasValueSatisfying(m -> assertThat(m).startsWith(message));
        assertThatThrownBy(() -> interpret(df)).isInstanceOf(DockerfileProblem.class).hasMessageStartingWith(message);
    }

    @Test
    void theExampleDockerfilesAreExpressible() throws Exception {
        Path example = TestFiles.exampleProject();
        for (String df : List.of("services/api/Dockerfile", "services/web/Dockerfile", "docker/worker.Dockerfile")) {
            assertThat(EmbeddedBuilder.inexpressible(Files.readString(example.resolve(df)), df, null)).as(df).isEmpty();
        }
        assertThat(EmbeddedBuilder.inexpressible("FROM scratch\nCOPY a /a\n", "Dockerfile", "nope"))
                .hasValueSatisfying(m -> assertThat(m).contains("stage 'nope' does not exist"));
        assertThat(EmbeddedBuilder.inexpressible("FROM --platform=$BUILDPLATFORM scratch\nCOPY a /a\n", "Dockerfile", null)).isEmpty();
        assertThat(EmbeddedBuilder.inexpressible("COPY a /a\n", "Dockerfile", null))
                .hasValueSatisfying(m -> assertThat(m).startsWith("Dockerfile:1:"));
    }

    @Test
    void theApiExampleKeepsItsLabelsAcrossStages() throws Exception {
        Path example = TestFiles.exampleProject().resolve("services/api");
        List<ContextEntry> api = ContextWalker.walk(example, example.resolve("Dockerfile"), example).entries();
        ImageRecipe r = DockerfileInterpreter.interpret(Files.readString(example.resolve("Dockerfile")), "services/api/Dockerfile", null,
                Map.of("SERVICE_VERSION", "1.4.2"), api, null);
        assertThat(r.settings().labels()).containsExactly(Map.entry("org.opencontainers.image.title", "api"),
                Map.entry("org.opencontainers.image.version", "1.4.2"));
        assertThat(r.settings().env()).containsEntry("NODE_ENV", "production");
        assertThat(r.settings().entrypoint()).containsExactly("/app/src/server");
        assertThat(r.settings().workingDir()).isEqualTo("/app");
        assertThat(files(r)).containsExactly("d 0755 0:0 /app", "d 0755 0:0 /app/src", "f 0644 0:0 /app/src/routes.js",
                "f 0755 0:0 /app/src/server", "f 0644 0:0 /app/package.json");
    }

    // ---- layers

    @Test
    void layerTarsAreReproducibleKeepLinksAndCheckTheHashedContent() throws Exception {
        ImageRecipe r = interpret("FROM scratch\nCOPY --chown=1:2 dir /d\n");
        LayerPlan layer = r.layers().get(0);
        byte[] first = tar(layer, Map.of());
        assertThat(tar(layer, Map.of())).isEqualTo(first);
        List<String> listing = new ArrayList<>();
        try (TarArchiveInputStream in = new TarArchiveInputStream(new ByteArrayInputStream(first))) {
            TarArchiveEntry e;
            while ((e = in.getNextEntry()) != null) {
                listing.add(e.getName() + " " + Integer.toOctalString(e.getMode()) + " " + e.getLongUserId() + ":" + e.getLongGroupId() + " "
                        + (e.isSymbolicLink() ? "-> " + e.getLinkName() : e.getSize()) + " " + e.getModTime().getTime());
            }
        }
        long t = LayerTar.FIXED_TIME_MS;
        assertThat(listing).containsExactly("d/ 755 1:2 0 " + t, "d/sub/ 755 1:2 0 " + t, "d/sub/y 644 1:2 2 " + t, "d/up 777 1:2 -> ../a " + t,
                "d/x 644 1:2 2 " + t);
        // a file that changed after it was hashed fails the layer
        Map<String, byte[]> hashed = new HashMap<>();
        hashed.put("dir/x", new byte[32]);
        assertThatThrownBy(() -> tar(layer, hashed)).isInstanceOf(IOException.class)
                .hasMessage("dir/x changed while the build was running; run the build again");
    }

    static byte[] tar(LayerPlan layer, Map<String, byte[]> expected) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LayerTar.write(layer, expected, out);
        return out.toByteArray();
    }

    @Test
    void baseImageConfigIsReadFromTheRegistrysJson() throws Exception {
        BaseImageConfig c = RegistryBaseImages.config(new ObjectMapper().readTree("{\"Env\":[\"PATH=/bin\",\"EMPTY=\",\"A=b=c\"],"
                + "\"Entrypoint\":[\"/e\"],\"Cmd\":null,\"WorkingDir\":\"/w\",\"User\":\"\",\"ExposedPorts\":{\"80/tcp\":{}},"
                + "\"Volumes\":{\"/v\":{}},\"Labels\":{\"l\":\"1\"},\"OnBuild\":[\"RUN x\"]}"));
        assertThat(c.env()).containsExactly(Map.entry("PATH", "/bin"), Map.entry("EMPTY", ""), Map.entry("A", "b=c"));
        assertThat(c.entrypoint()).containsExactly("/e");
        assertThat(c.cmd()).isNull();
        assertThat(c.workingDir()).isEqualTo("/w");
        assertThat(c.user()).isNull();
        assertThat(c.exposedPorts()).containsExactly("80/tcp");
        assertThat(c.volumes()).containsExactly("/v");
        assertThat(c.onBuild()).containsExactly("RUN x");
        BaseImages withTriggers = w -> new ResolvedBase(w, "reg.example", "reg.example/b@sha256:" + "2".repeat(64), c);
        assertThatThrownBy(() -> DockerfileInterpreter.interpret("FROM reg.example/b\nCOPY a /a\n", "Dockerfile", null, Map.of(), entries,
                withTriggers)).isInstanceOf(DockerfileProblem.class).hasMessageStartingWith("Dockerfile:1: FROM: the base image reg.example/b has "
                + "ONBUILD triggers (RUN x), which the embedded builder cannot run");
    }

    @Test
    void anInterruptWhileLayersAreWrittenEndsTheBuildPromptly() throws Exception {
        byte[] chunk = new byte[1 << 20];
        new java.util.Random(1).nextBytes(chunk);
        try (var out = Files.newOutputStream(ctx.resolve("big.bin"))) {
            for (int i = 0; i < 64; i++) {
                out.write(chunk);
            }
        }
        entries = ContextWalker.walk(ctx, ctx.resolve("Dockerfile"), tmp).entries();
        ImageRecipe r = interpret("FROM scratch\nCOPY big.bin /big.bin\n");
        java.util.concurrent.CompletableFuture<Throwable> outcome = new java.util.concurrent.CompletableFuture<>();
        Thread builder = new Thread(() -> {
            try (JibImageWriter w = new JibImageWriter("big", line -> { })) {
                w.prepareLayers(r, Map.of());
                outcome.complete(null);
            } catch (Throwable e) {
                outcome.complete(e);
            }
        });
        builder.start();
        Thread.sleep(300);
        long t0 = System.nanoTime();
        builder.interrupt();
        Throwable t = outcome.get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(t).as("the 64 MiB layer was written before the interrupt; make the file larger").isNotNull()
                .isInstanceOf(InterruptedException.class);
        assertThat(java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0)).isLessThan(2000);
    }

    @Test
    void jibFailuresAreSortedIntoAuthTransientAndPermanent() {
        JibFailures.Failure auth = JibFailures.classify(new java.util.concurrent.ExecutionException(
                new RegistryUnauthorizedException("127.0.0.1:5000", "ns/app", null)));
        assertThat(auth.kind()).isEqualTo(JibFailures.Kind.AUTH);
        assertThat(auth.registry()).isEqualTo("127.0.0.1:5000");
        assertThat(auth.message()).isEqualTo("unauthorized for 127.0.0.1:5000/ns/app");
        assertThat(JibFailures.classify(new IOException("push", new java.net.ConnectException("Connection refused"))))
                .isEqualTo(new JibFailures.Failure(JibFailures.Kind.TRANSIENT, null, "Connection refused"));
        assertThat(JibFailures.classify(new IOException("503 Service Unavailable\nGET http://r/v2/")))
                .isEqualTo(new JibFailures.Failure(JibFailures.Kind.TRANSIENT, null, "503 Service Unavailable; GET http://r/v2/"));
        assertThat(JibFailures.classify(new IOException("Tried to pull image manifest for r/a:1 but failed because: manifest unknown | If this "
                + "is a bug, please file an issue at https://github.com/GoogleContainerTools/jib/issues/new")))
                .isEqualTo(new JibFailures.Failure(JibFailures.Kind.PERMANENT, null, "Tried to pull image manifest for r/a:1 but failed because: "
                        + "manifest unknown"));
        assertThat(JibFailures.classify(new IOException("sha256:401abc not found")).kind()).isEqualTo(JibFailures.Kind.PERMANENT);
    }

    @Test
    void tarballPathAndExistsLocally() throws Exception {
        BuildServices services = new BuildServices(Map.of(), r -> Optional.empty(), e -> { }, RetryPolicy.NONE,
                tmp, Set.of());
        EmbeddedBuilder b = new EmbeddedBuilder(services, EmbeddedSpec.DEFAULT, null);
        Path tar = b.tarball("my/app", "1.0");
        assertThat(tar).isEqualTo(tmp.resolve(".devspace/images/my_app-1.0.tar"));
        CacheEntry entry = new CacheEntry("r/app", List.of("1.0"),
                null, "/elsewhere/.devspace/images/my_app-1.0.tar", "d", "c", "k", "embedded", "now", Map.of());
        assertThat(b.existsLocally(entry)).isFalse();
        write(tmp, ".devspace/images/my_app-1.0.tar", "x");
        assertThat(b.existsLocally(entry)).as("found next to devspace.yaml after the project moved").isTrue();
    }
}
