package io.jenkins.plugins.devspacebuild.event;

import io.jenkins.plugins.devspacebuild.cache.Decision;
import io.jenkins.plugins.devspacebuild.result.ImageResult;
import io.jenkins.plugins.devspacebuild.result.SummaryTable;
import java.io.PrintStream;

/**
 * Prints events as lines: {@code [image] text}, so the output of parallel builds stays readable, and the summary
 * table at the end. One {@code println} per line, under a lock, so lines of different images never mix.
 */
public final class ConsolePrinter implements EventSink {
    private final PrintStream out;

    public ConsolePrinter(PrintStream out) {
        this.out = out;
    }

    @Override
    public void accept(BuildEvent event) {
        String prefix = event.image() == null ? "" : "[" + event.image() + "] ";
        if (event instanceof BuildEvent.Message m) {
            print(prefix + (m.level() == BuildEvent.Level.WARNING ? "WARNING: " : "") + m.text());
        } else if (event instanceof BuildEvent.Output o) {
            print(prefix + o.line());
        } else if (event instanceof BuildEvent.Decided d) {
            Decision dec = d.decision();
            print(prefix + (dec.isBuild() ? "build: " : "skip: ") + dec.reason());
        } else if (event instanceof BuildEvent.ImageDone done) {
            ImageResult r = done.result();
            String what = switch (r.status()) {
                case BUILT -> "built " + (r.reference() == null ? "" : r.reference()) + (r.digest() == null ? "" : " (" + r.digest() + ")");
                case SKIPPED -> "skipped, using " + r.reference();
                case FAILED -> "FAILED: " + r.reason();
            };
            print(prefix + what);
        } else if (event instanceof BuildEvent.RunDone run) {
            synchronized (this) {
                out.println();
                for (String line : SummaryTable.render(run.result())) {
                    out.println(line);
                }
                out.flush();
            }
        }
    }

    private synchronized void print(String line) {
        out.println(line);
        out.flush();
    }
}
