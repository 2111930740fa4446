package io.jenkins.plugins.devspacebuild.handoff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.devspacebuild.result.ImageResult;
import io.jenkins.plugins.devspacebuild.result.RunResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The images a deploy stage should use: those of a run that have a tag (built or skipped; failed ones are left out, so
 * their values stay as they are). Taken from a {@link RunResult} or from the {@code --output-file} JSON of an earlier run.
 * When two image keys share a repository, the first in devspace.yaml order wins (DevSpace's choice is unspecified).
 */
public final class BuiltImages {
    private final List<BuiltImage> images;
    private final Map<String, BuiltImage> byNormalizedRepository = new LinkedHashMap<>();

    public BuiltImages(List<BuiltImage> images) {
        this.images = List.copyOf(images);
        for (BuiltImage i : this.images) {
            String key = ImageMatch.normalizedKey(i.repository());
            if (key != null) {
                byNormalizedRepository.putIfAbsent(key, i);
            }
        }
    }

    public static BuiltImages of(RunResult run) {
        List<BuiltImage> list = new ArrayList<>();
        for (ImageResult r : run.images()) {
            if (!r.failed() && !r.tags().isEmpty()) {
                list.add(new BuiltImage(r.name(), r.repository(), r.tags().get(0), r.digest()));
            }
        }
        return new BuiltImages(list);
    }

    /** Reads the JSON array written by {@code devspace-build build --output-file FILE}. */
    public static BuiltImages read(Path resultsFile) throws HandoffException {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(Files.readString(resultsFile));
        } catch (NoSuchFileException e) {
            throw new HandoffException(resultsFile + ": no such results file; write it with 'devspace-build build --output-file " + resultsFile + "'");
        } catch (IOException e) {
            throw new HandoffException(resultsFile + ": not a results file (" + firstLine(e.getMessage())
                    + "); give the JSON written by 'devspace-build build --output-file'");
        }
        if (root == null || !root.isArray()) {
            throw new HandoffException(resultsFile + ": expected a JSON array of images as written by 'devspace-build build --output-file'");
        }
        List<BuiltImage> list = new ArrayList<>();
        int index = 0;
        for (JsonNode o : root) {
            String where = resultsFile + ": entry " + index++;
            String name = text(o, "name");
            String image = text(o, "image");
            if (name == null || image == null) {
                throw new HandoffException(where + " has no 'name' or 'image'; give the JSON written by 'devspace-build build --output-file'");
            }
            JsonNode tags = o.get("tags");
            boolean failed = "failed".equals(text(o, "decision"));
            if (failed || tags == null || !tags.isArray() || tags.isEmpty()) {
                continue;
            }
            list.add(new BuiltImage(name, image, tags.get(0).asText(), text(o, "digest")));
        }
        return new BuiltImages(list);
    }

    private static String text(JsonNode o, String field) {
        JsonNode n = o == null ? null : o.get(field);
        return n == null || n.isNull() ? null : n.asText();
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    public List<BuiltImage> images() {
        return images;
    }

    public boolean isEmpty() {
        return images.isEmpty();
    }

    /** The built image whose repository a value names, or null. */
    BuiltImage find(ImageMatch match) {
        return byNormalizedRepository.get(match.normalized());
    }
}
