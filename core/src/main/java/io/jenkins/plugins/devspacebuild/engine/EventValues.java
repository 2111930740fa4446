package io.jenkins.plugins.devspacebuild.engine;

import io.jenkins.plugins.devspacebuild.event.BuildEvent;
import io.jenkins.plugins.devspacebuild.event.ImageLine;
import io.jenkins.plugins.devspacebuild.result.ImageResult;
import io.jenkins.plugins.devspacebuild.result.RunResult;

/** Turns the engine's plans and results into the small values events carry (the event package knows no engine type). */
final class EventValues {
    private EventValues() {
    }

    static BuildEvent.Decided decided(ImagePlan p) {
        return new BuildEvent.Decided(p.key(), p.decision().isBuild(), p.decision().reason(),
                new BuildEvent.Hashes(p.hashes().dockerfile(), p.hashes().context(), p.hashes().config()), p.planningMs());
    }

    static ImageLine line(ImageResult r) {
        return new ImageLine(r.name(), r.reference(), r.tags(), r.digest(), r.status().text(), r.reason(), r.builder(), r.durationMs());
    }

    static BuildEvent.RunDone runDone(RunResult r) {
        return new BuildEvent.RunDone(r.images().stream().map(EventValues::line).toList(), r.cancelled());
    }
}
