package io.jenkins.plugins.devspacebuild.builder.embedded;

import java.util.List;

/**
 * One layer of the image: what one COPY, ADD or WORKDIR adds.
 *
 * @param instruction the instruction as written, with its line ({@code "Dockerfile:7 COPY src/ /app/src/"}), for the
 *                    log and the image history
 * @param entries     sorted by path
 */
public record LayerPlan(String instruction, List<LayerEntry> entries) {
    public LayerPlan {
        entries = List.copyOf(entries);
    }

    public int fileCount() {
        return (int) entries.stream().filter(e -> e.source() != null).count();
    }

    public long bytes() {
        return entries.stream().filter(e -> e.source() != null).mapToLong(e -> e.source().size()).sum();
    }
}
