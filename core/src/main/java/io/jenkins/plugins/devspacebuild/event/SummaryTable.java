package io.jenkins.plugins.devspacebuild.event;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The table that ends every run: image, decision, reason, tags, digest, duration. */
public final class SummaryTable {
    private static final String[] HEADER = {"IMAGE", "DECISION", "REASON", "TAGS", "DIGEST", "DURATION"};

    private SummaryTable() {
    }

    public static List<String> render(BuildEvent.RunDone run) {
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADER);
        for (ImageLine r : run.images()) {
            rows.add(new String[] {r.name(), r.status(), oneLine(r.reason()), r.tags().isEmpty() ? "-" : String.join(",", r.tags()),
                    r.digest() == null ? "-" : shortDigest(r.digest()), duration(r.durationMs())});
        }
        int[] width = new int[HEADER.length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                width[i] = Math.max(width[i], row[i].length());
            }
        }
        List<String> out = new ArrayList<>();
        for (String[] row : rows) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                sb.append(row[i]);
                if (i < row.length - 1) {
                    sb.append(" ".repeat(width[i] - row[i].length() + 2));
                }
            }
            out.add(sb.toString());
        }
        out.add(String.format(Locale.ROOT, "%d built, %d skipped, %d failed%s", count(run, ImageLine.BUILT),
                count(run, ImageLine.SKIPPED), count(run, ImageLine.FAILED), run.cancelled() ? " (cancelled)" : ""));
        return out;
    }

    private static long count(BuildEvent.RunDone run, String status) {
        return run.images().stream().filter(i -> i.status().equals(status)).count();
    }

    static String oneLine(String s) {
        if (s == null) {
            return "-";
        }
        String line = s.replace('\n', ' ').replace('\r', ' ');
        return line.length() > 100 ? line.substring(0, 97) + "..." : line;
    }

    static String shortDigest(String digest) {
        int colon = digest.indexOf(':');
        return colon >= 0 && digest.length() > colon + 13 ? digest.substring(0, colon + 13) : digest;
    }

    static String duration(long ms) {
        if (ms < 1000) {
            return ms + "ms";
        }
        if (ms < 60_000) {
            return String.format(Locale.ROOT, "%.1fs", ms / 1000.0);
        }
        return String.format(Locale.ROOT, "%dm%02ds", ms / 60_000, (ms / 1000) % 60);
    }
}
