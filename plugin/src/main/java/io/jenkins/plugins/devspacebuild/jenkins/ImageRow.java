package io.jenkins.plugins.devspacebuild.jenkins;

import io.jenkins.plugins.devspacebuild.result.ImageResult;
import java.io.Serializable;
import java.util.function.UnaryOperator;

/** One line of the build page summary; plain fields, as they are saved with the build. */
public final class ImageRow implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String image;
    private final String decision;
    private final String reason;
    private final String tags;
    private final String digest;
    private final long durationMs;

    /** @param mask masks every text taken from the result (a failure reason can quote a command's output) */
    ImageRow(ImageResult r, UnaryOperator<String> mask) {
        this.image = r.name();
        this.decision = r.status().text();
        this.reason = mask.apply(r.reason());
        this.tags = mask.apply(String.join(", ", r.tags()));
        this.digest = r.digest();
        this.durationMs = r.durationMs();
    }

    public String getImage() {
        return image;
    }

    public String getDecision() {
        return decision;
    }

    public String getReason() {
        return reason;
    }

    public String getTags() {
        return tags;
    }

    public String getDigest() {
        return digest == null ? "" : digest;
    }

    public String getDuration() {
        return durationMs < 1000 ? durationMs + " ms" : String.format(java.util.Locale.ROOT, "%.1f s", durationMs / 1000.0);
    }
}
