package io.jenkins.plugins.devspacebuild.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Clock;

/**
 * Writes each event as one JSON object per line ({@code --events-json FILE}): {@code type} (the event's name, e.g.
 * {@code BuilderChosen}), {@code time}, then the event's own fields. Thread-safe; lines never interleave.
 */
public final class JsonEventWriter implements EventSink, Closeable {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final BufferedWriter out;
    private final Clock clock;

    public JsonEventWriter(Writer out, Clock clock) {
        this.out = new BufferedWriter(out);
        this.clock = clock;
    }

    /** The JSON line of an event. */
    public static String line(BuildEvent event, String time) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("type", event.getClass().getSimpleName());
        node.put("time", time);
        node.setAll((ObjectNode) MAPPER.valueToTree(event));
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an event cannot be written as JSON: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void accept(BuildEvent event) {
        try {
            out.write(line(event, clock.instant().toString()));
            out.newLine();
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("the event stream cannot be written: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }
}
