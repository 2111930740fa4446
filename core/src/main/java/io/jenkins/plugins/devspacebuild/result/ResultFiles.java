package io.jenkins.plugins.devspacebuild.result;

import io.jenkins.plugins.devspacebuild.util.AtomicFiles;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/** {@code --output-file} (JSON, one object per image) and {@code --output-env} ({@code KEY=VALUE} lines). */
public final class ResultFiles {
    private static final ObjectMapper JSON = new ObjectMapper().configure(SerializationFeature.INDENT_OUTPUT, true);

    private ResultFiles() {
    }

    public static String json(RunResult run) {
        ArrayNode arr = JSON.createArrayNode();
        for (ImageResult r : run.images()) {
            ObjectNode o = arr.addObject();
            o.put("name", r.name());
            o.put("image", r.repository());
            ArrayNode tags = o.putArray("tags");
            r.tags().forEach(tags::add);
            o.put("digest", r.digest());
            o.put("reference", r.reference());
            o.put("referenceWithDigest", r.referenceWithDigest());
            o.put("decision", r.status().text());
            o.put("reason", r.reason());
            o.put("durationMs", r.durationMs());
            o.put("builder", r.builder());
        }
        try {
            return JSON.writeValueAsString(arr) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String env(Map<String, String> variables) {
        StringBuilder sb = new StringBuilder();
        variables.forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
        return sb.toString();
    }

    /** Writes a text file atomically (temporary file, then rename), with the umask's permissions. */
    public static void write(Path file, String content) throws IOException {
        AtomicFiles.write(file, content);
    }
}
