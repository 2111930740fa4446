package io.jenkins.plugins.devspacebuild.handoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.devspacebuild.result.ImageResult;
import io.jenkins.plugins.devspacebuild.result.ImageResult.Status;
import io.jenkins.plugins.devspacebuild.result.ResultFiles;
import io.jenkins.plugins.devspacebuild.result.RunResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuiltImagesTest {
    @TempDir
    Path tmp;

    static final RunResult RUN = new RunResult(List.of(
            new ImageResult("api", "reg.example:5000/api", List.of("t1", "latest"), "sha256:" + "0".repeat(64), "id", Status.BUILT, "changed", "docker", 5),
            new ImageResult("web", "web", List.of("c4"), null, null, Status.SKIPPED, "unchanged", "docker", 1),
            new ImageResult("bad", "bad", List.of(), null, null, Status.FAILED, "boom", "docker", 1)), false);

    @Test
    void theResultsFileOfARunGivesTheSameImagesAsTheRunItself() throws Exception {
        Path file = tmp.resolve("images.json");
        ResultFiles.write(file, ResultFiles.json(RUN));
        BuiltImages fromFile = BuiltImages.read(file);
        assertThat(fromFile.images()).isEqualTo(BuiltImages.of(RUN).images()).containsExactly(
                new BuiltImage("api", "reg.example:5000/api", "t1", "sha256:" + "0".repeat(64)),
                new BuiltImage("web", "web", "c4", null));
    }

    @Test
    void aMissingOrWrongFileSaysWhatToGive() throws Exception {
        Path missing = tmp.resolve("nope.json");
        assertThatThrownBy(() -> BuiltImages.read(missing)).isInstanceOf(HandoffException.class)
                .hasMessage(missing + ": no such results file; write it with 'devspace-build build --output-file " + missing + "'");
        Path object = tmp.resolve("o.json");
        Files.writeString(object, "{\"a\":1}");
        assertThatThrownBy(() -> BuiltImages.read(object)).hasMessageContaining("expected a JSON array of images");
        Path broken = tmp.resolve("b.json");
        Files.writeString(broken, "[{");
        assertThatThrownBy(() -> BuiltImages.read(broken)).hasMessageStartingWith(broken + ": not a results file (");
        Path noName = tmp.resolve("n.json");
        Files.writeString(noName, "[{\"tags\":[\"a\"]}]");
        assertThatThrownBy(() -> BuiltImages.read(noName)).hasMessageContaining("entry 0 has no 'name' or 'image'");
    }
}
