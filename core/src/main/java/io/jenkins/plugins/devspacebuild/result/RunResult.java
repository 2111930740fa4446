package io.jenkins.plugins.devspacebuild.result;

import java.util.List;

/**
 * The outcome of a run.
 *
 * @param images    one result per image, in devspace.yaml order
 * @param cancelled whether the run was cancelled (Ctrl-C, aborted Jenkins build, --fail-fast)
 */
public record RunResult(List<ImageResult> images, boolean cancelled) implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    public RunResult {
        images = List.copyOf(images);
    }

    public boolean failed() {
        return cancelled || images.stream().anyMatch(ImageResult::failed);
    }

    /** A copy with every string passed through {@code f} (the engine's masking boundary). */
    public RunResult masked(java.util.function.UnaryOperator<String> f) {
        return new RunResult(images.stream().map(i -> i.masked(f)).toList(), cancelled);
    }

    public long count(ImageResult.Status status) {
        return images.stream().filter(i -> i.status() == status).count();
    }
}
