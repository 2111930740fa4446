package io.jenkins.plugins.devspacebuild.event;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.devspacebuild.event.BuildEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MaskingEventSinkTest {
    @Test
    void masksEverySecretInOutputAndMessages() {
        List<BuildEvent> seen = new ArrayList<>();
        MaskingEventSink sink = new MaskingEventSink(seen::add, List.of("s3cret", "s3cret-longer", ""));
        sink.output("app", "login with s3cret-longer and s3cret");
        sink.warning(null, "s3cret!");
        assertThat(seen).containsExactly(new BuildEvent.Output("app", "login with **** and ****"),
                new BuildEvent.Message(null, BuildEvent.Level.WARNING, "****!"));
    }
}
