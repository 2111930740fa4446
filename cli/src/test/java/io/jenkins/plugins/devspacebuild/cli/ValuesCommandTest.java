package io.jenkins.plugins.devspacebuild.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.devspacebuild.result.ImageResult;
import io.jenkins.plugins.devspacebuild.result.ImageResult.Status;
import io.jenkins.plugins.devspacebuild.result.ResultFiles;
import io.jenkins.plugins.devspacebuild.result.RunResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code devspace-build values}: reads the --output-file of a run, writes the values copy and the kustomize list. */
class ValuesCommandTest {
    @TempDir
    Path tmp;

    Path results() throws Exception {
        Path f = tmp.resolve(".devspace/images.json");
        ResultFiles.write(f, ResultFiles.json(new RunResult(List.of(
                new ImageResult("api", "127.0.0.1:5000/api", List.of("abc12"), "sha256:" + "1".repeat(64), null, Status.BUILT, "changed", "docker", 1),
                new ImageResult("worker", "127.0.0.1:5000/worker", List.of("w1"), null, null, Status.SKIPPED, "unchanged", "docker", 1)),
                false)));
        return f;
    }

    @Test
    void writesTheValuesCopyAndReportsEachReplacement() throws Exception {
        Path values = tmp.resolve("values.yaml");
        Files.writeString(values, "# chart values\napi:\n  image: 127.0.0.1:5000/api:dev\nworker:\n  image: 127.0.0.1:5000/worker\n");
        Path out = tmp.resolve("values.built.yaml");
        CliTest.Run r = CliTest.run("values", "--results", results().toString(), "-i", values.toString(), "-o", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(Files.readString(out)).isEqualTo("# chart values\napi:\n  image: 127.0.0.1:5000/api:abc12\nworker:\n  image: 127.0.0.1:5000/worker:w1\n");
        assertThat(Files.readString(values)).contains("127.0.0.1:5000/api:dev");
        assertThat(r.out()).contains(values + " .api.image: 127.0.0.1:5000/api:dev -> 127.0.0.1:5000/api:abc12")
                .contains("wrote " + out + " (2 value(s) replaced)");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void withoutOutputTheCopyGoesToStdoutAndTheReportToStderr() throws Exception {
        Path values = tmp.resolve("values.yaml");
        Files.writeString(values, "image: 127.0.0.1:5000/api\n");
        CliTest.Run r = CliTest.run("values", "--results", results().toString(), "-i", values.toString(), "--digest");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("image: 127.0.0.1:5000/api:abc12@sha256:" + "1".repeat(64) + "\n");
        assertThat(r.err()).contains(".image: 127.0.0.1:5000/api -> ")
                .contains("warning: image 'worker' has no digest (it was not pushed); its tag alone is used")
                .contains("warning: image 'worker' (127.0.0.1:5000/worker) is named by no value of " + values);
    }

    @Test
    void kustomizeWritesTheImagesList() throws Exception {
        Path k = tmp.resolve("overlay/kustomization.yaml");
        CliTest.Run r = CliTest.run("values", "--results", results().toString(), "--kustomize", k.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(Files.readString(k)).isEqualTo("""
                images:
                - name: 127.0.0.1:5000/api
                  newName: 127.0.0.1:5000/api
                  newTag: abc12
                - name: 127.0.0.1:5000/worker
                  newName: 127.0.0.1:5000/worker
                  newTag: w1
                """);
    }

    @Test
    void badInputExitsTwoWithAnActionableMessage() throws Exception {
        CliTest.Run none = CliTest.run("values", "--results", results().toString());
        assertThat(none.code()).isEqualTo(2);
        assertThat(none.err()).isEqualTo("error: give -i FILE (a values file to copy) or --kustomize FILE, or both\n");
        Path values = tmp.resolve("bad.yaml");
        Files.writeString(values, "a: [\n");
        CliTest.Run bad = CliTest.run("values", "--results", results().toString(), "-i", values.toString());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).startsWith("error: " + values + ":2:").contains("not valid YAML");
        CliTest.Run noResults = CliTest.run("values", "--results", tmp.resolve("x.json").toString(), "-i", values.toString());
        assertThat(noResults.code()).isEqualTo(2);
        assertThat(noResults.err()).contains("no such results file; write it with 'devspace-build build --output-file");
    }
}
