package io.jenkins.plugins.devspacebuild.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.devspacebuild.config.ConfigException;
import io.jenkins.plugins.devspacebuild.config.DockerSpec;
import io.jenkins.plugins.devspacebuild.config.ImageConfig;
import io.jenkins.plugins.devspacebuild.config.ImageName;
import io.jenkins.plugins.devspacebuild.config.Location;
import io.jenkins.plugins.devspacebuild.config.RebuildStrategy;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DockerfileOverrideTest {

    static ImageConfig image(String target, List<String> entrypoint, List<String> cmd, List<String> append) {
        return new ImageConfig("app", ImageName.parse("my/app"), List.of(), Path.of("/p/Dockerfile"), Path.of("/p"), entrypoint, cmd,
                append, Map.of(), target, null, RebuildStrategy.DEFAULT, false, true, DockerSpec.DEFAULT, false, false, Location.of("x"));
    }

    static String apply(String dockerfile, String target, List<String> entrypoint, List<String> cmd, List<String> append) throws ConfigException {
        return DockerfileOverride.apply(Dockerfile.parse(dockerfile, "Dockerfile"), image(target, entrypoint, cmd, append));
    }

    @Test
    void nothingConfiguredKeepsTheTextUnchanged() throws Exception {
        String df = "FROM scratch\r\nCOPY a /a\r\n";
        assertThat(apply(df, null, null, null, List.of())).isSameAs(df);
    }

    @Test
    void appendsAtTheEndOfTheLastStageInExecForm() throws Exception {
        String out = apply("FROM scratch\nCOPY a /a\n# trailing comment\n", null, List.of("/bin/app", "--flag"), List.of("x"), List.of("USER 1000"));
        assertThat(out).isEqualTo("FROM scratch\nCOPY a /a\nUSER 1000\nENTRYPOINT [\"/bin/app\", \"--flag\"]\nCMD [\"x\"]\n# trailing comment\n");
    }

    @Test
    void targetStageWithPlatformAndAlias() throws Exception {
        String df = """
                # syntax=docker/dockerfile:1
                ARG BASE=scratch
                FROM --platform=$BUILDPLATFORM golang:1.22 AS build
                RUN go build \\
                    -o /out/app \\
                    ./cmd/app

                FROM --platform=linux/amd64 scratch as Final
                COPY --from=build /out/app /app
                FROM scratch AS debug
                COPY --from=build /out/app /app
                """;
        String out = apply(df, "final", List.of("/app"), null, List.of());
        assertThat(out).contains("COPY --from=build /out/app /app\nENTRYPOINT [\"/app\"]\nFROM scratch AS debug");
        String build = apply(df, "build", List.of("/x"), null, List.of());
        assertThat(build).contains("    ./cmd/app\nENTRYPOINT [\"/x\"]\n\nFROM --platform=linux/amd64 scratch as Final");
    }

    @Test
    void heredocBodiesAreNotInstructions() throws Exception {
        String df = """
                FROM alpine AS a
                RUN <<EOF
                echo hi
                FROM this-is-not-a-stage
                EOF
                COPY <<-"CONF" /etc/app.conf
                \tkey=value
                \tCONF
                """;
        Dockerfile parsed = Dockerfile.parse(df, "Dockerfile");
        assertThat(parsed.stages()).hasSize(1);
        assertThat(parsed.stages().get(0).endLine()).isEqualTo(8);
        assertThat(apply(df, null, List.of("sh"), null, List.of())).endsWith("\tCONF\nENTRYPOINT [\"sh\"]\n");
    }

    @Test
    void commentsInsideContinuationsAndEscapeDirective() throws Exception {
        String df = "# escape=`\nFROM scratch\nCOPY a `\n# a comment in the middle\n  /a\nCOPY b /b\n";
        Dockerfile parsed = Dockerfile.parse(df, "Dockerfile");
        assertThat(parsed.escape()).isEqualTo('`');
        assertThat(parsed.instructions()).extracting(Dockerfile.Instruction::keyword).containsExactly("FROM", "COPY", "COPY");
        assertThat(parsed.instructions().get(1).arguments()).isEqualTo("a   /a");
    }

    @Test
    void lastInstructionEndedByEndOfFileKeepsItsOwnLine() throws Exception {
        String out = apply("FROM scratch\nCOPY a /a \\", null, List.of("/a"), null, List.of());
        assertThat(out).isEqualTo("FROM scratch\nCOPY a /a \nENTRYPOINT [\"/a\"]\n");
    }

    @Test
    void jsonEscaping() {
        assertThat(DockerfileOverride.execForm(List.of("say \"hi\"", "back\\slash", "tab\there", "new\nline", "\u0001", "ünïcode")))
                .isEqualTo("[\"say \\\"hi\\\"\", \"back\\\\slash\", \"tab\\there\", \"new\\nline\", \"\\u0001\", \"ünïcode\"]");
    }

    @Test
    void unknownTarget() {
        assertThatThrownBy(() -> apply("FROM scratch AS a\nFROM scratch AS b\n", "c", List.of("x"), null, List.of()))
                .isInstanceOf(ConfigException.class).hasMessage("Dockerfile: target: stage 'c' does not exist; stages: a, b");
    }

    @Test
    void brokenDockerfiles() {
        assertThatThrownBy(() -> Dockerfile.parse("COPY a /a\n", "Dockerfile"))
                .hasMessage("Dockerfile:1:1: COPY: instruction before the first FROM; a Dockerfile must start with FROM (only ARG may come before it)");
        assertThatThrownBy(() -> Dockerfile.parse("# just a comment\n", "Dockerfile")).hasMessageContaining("has no FROM");
        assertThatThrownBy(() -> Dockerfile.parse("FROM a\nRUN <<EOF\necho\n", "Dockerfile")).hasMessageContaining("heredoc <<EOF is never closed");
    }
}
