package io.jenkins.plugins.devspacebuild.event;

import java.io.PrintStream;
import java.util.List;

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
        if (event instanceof BuildEvent.RunDone run) {
            synchronized (this) {
                out.println();
                for (String line : SummaryTable.render(run)) {
                    out.println(line);
                }
                out.flush();
            }
            return;
        }
        String text = render(event);
        if (text != null) {
            print((event.image() == null ? "" : "[" + event.image() + "] ") + text);
        }
    }

    /** The line for an event (without the image prefix), or null when it prints nothing. */
    public static String render(BuildEvent event) {
        if (event instanceof BuildEvent.Message m) {
            return (m.level() == BuildEvent.Level.WARNING ? "WARNING: " : "") + m.text();
        } else if (event instanceof BuildEvent.Output o) {
            return o.line();
        } else if (event instanceof BuildEvent.CacheLoaded c) {
            return "cache: " + c.entries() + " image(s) known, from " + c.source();
        } else if (event instanceof BuildEvent.SkipVerified v) {
            return "skip verified: " + v.reference() + " is in " + v.where();
        } else if (event instanceof BuildEvent.Decided d) {
            return (d.build() ? "build: " : "skip: ") + d.reason();
        } else if (event instanceof BuildEvent.Scheduled s) {
            return s.toBuild() < 2 ? null : s.sequential() ? "building " + s.toBuild() + " images one at a time"
                    : "building " + s.toBuild() + " images, up to " + s.parallelism() + " at once";
        } else if (event instanceof BuildEvent.BuilderChosen b) {
            return "builder: " + b.builder() + (b.fallback() ? ", because " + b.why() : " (" + b.why() + ")");
        } else if (event instanceof BuildEvent.Building b) {
            return "building with " + b.how();
        } else if (event instanceof BuildEvent.LayerPlanned l) {
            return "layer " + l.number() + "/" + l.count() + ": " + l.instruction() + " (" + l.size() + ")";
        } else if (event instanceof BuildEvent.Pushing p) {
            return "pushing " + String.join(", ", p.references()) + (p.as() == null ? " (no credentials)" : " as " + p.as());
        } else if (event instanceof BuildEvent.Pushed p) {
            return "pushed " + p.reference() + " (" + p.digest() + ")";
        } else if (event instanceof BuildEvent.PullSecretEnsured p) {
            return "pull secret " + p.namespace() + "/" + p.secret() + " for " + p.registry() + ": " + p.change()
                    + (p.serviceAccounts().isEmpty() ? "" : ", added to service account(s) " + String.join(", ", p.serviceAccounts()));
        } else if (event instanceof BuildEvent.BaseImageRead b) {
            return "reading the base image " + b.reference() + " from " + b.registry();
        } else if (event instanceof BuildEvent.PlainHttp h) {
            return "registry " + String.join(", ", h.registries()) + " is reached over plain HTTP (" + h.why() + "); credentials are sent to it "
                    + "unencrypted (JVM-wide system property " + h.property() + "=true)";
        } else if (event instanceof BuildEvent.ContextUploaded c) {
            return "build context uploaded (" + c.entries() + " entries)";
        } else if (event instanceof BuildEvent.TarballWritten t) {
            return "wrote " + t.path() + " (docker load -i " + t.fileName() + ")";
        } else if (event instanceof BuildEvent.FailFast f) {
            return "fail-fast: cancelling the other images because " + f.image() + " failed";
        } else if (event instanceof BuildEvent.ImageDone done) {
            return imageDone(done.result());
        } else if (event instanceof BuildEvent.RunDone r) {
            return String.join("\n", SummaryTable.render(r));
        }
        throw new IllegalArgumentException("no rendering for " + event.getClass().getSimpleName());
    }

    private static String imageDone(ImageLine r) {
        return switch (r.status()) {
            case ImageLine.BUILT -> "built " + (r.reference() == null ? "" : r.reference()) + (r.digest() == null ? "" : " (" + r.digest() + ")");
            case ImageLine.SKIPPED -> "skipped, using " + r.reference();
            default -> "FAILED: " + r.reason();
        };
    }

    /** The summary table of a run, as printed at its end. */
    public static List<String> summary(BuildEvent.RunDone run) {
        return SummaryTable.render(run);
    }

    private synchronized void print(String line) {
        out.println(line);
        out.flush();
    }
}
