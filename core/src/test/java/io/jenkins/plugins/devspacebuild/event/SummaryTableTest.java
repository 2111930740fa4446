package io.jenkins.plugins.devspacebuild.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SummaryTableTest {
    @Test
    void summaryTable() {
        BuildEvent.RunDone run = new BuildEvent.RunDone(List.of(
                new ImageLine("api", "r/api:t1", List.of("t1"), "sha256:0123456789abcdef", ImageLine.BUILT, "forced", "docker", 1500),
                new ImageLine("bad", null, List.of(), null, ImageLine.FAILED, "line1\nline2", "docker", 65_000)), false);
        assertThat(SummaryTable.render(run)).containsExactly(
                "IMAGE  DECISION  REASON       TAGS  DIGEST               DURATION",
                "api    built     forced       t1    sha256:0123456789ab  1.5s",
                "bad    failed    line1 line2  -     -                    1m05s",
                "1 built, 0 skipped, 1 failed");
    }
}
