package io.jenkins.plugins.devspacebuild.cli;

import io.jenkins.plugins.devspacebuild.error.DevSpaceBuildException;
import io.jenkins.plugins.devspacebuild.result.ImageResult;
import io.jenkins.plugins.devspacebuild.result.ResultFiles;
import io.jenkins.plugins.devspacebuild.result.RunResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Writes {@code --output-file} and {@code --output-env} after a run. Each file is tried even when another one failed
 * (a full disk for the JSON must not cost the env file later steps read), and a failure names the option, says what
 * was already done (built, pushed, cached) and what to do, without a stack trace; the exit code is 1.
 */
final class OutputFiles {
    /** One output: the option that asked for it, its file (null when not asked), and its content. */
    record Output(String option, Path file, Supplier<String> content) {
    }

    private OutputFiles() {
    }

    static void write(List<Output> outputs, RunResult result, boolean pushed) throws DevSpaceBuildException {
        List<String> failed = new ArrayList<>();
        List<String> written = new ArrayList<>();
        for (Output o : outputs) {
            if (o.file() == null) {
                continue;
            }
            try {
                ResultFiles.write(o.file(), o.content().get());
                written.add(o.option() + " " + o.file());
            } catch (IOException e) {
                String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage() + ", " + e.getClass().getSimpleName();
                failed.add(o.option() + " " + o.file() + " could not be written (" + why + ")");
            }
        }
        if (failed.isEmpty()) {
            return;
        }
        long done = result.images().stream().filter(i -> i.status() != ImageResult.Status.FAILED).count();
        throw new DevSpaceBuildException(String.join("; ", failed) + (written.isEmpty() ? "" : "; " + String.join(", ", written) + " written")
                + "; the " + done + " built or skipped images are " + (pushed ? "pushed and " : "") + "cached, "
                + "so free some space or fix the path and run again: unchanged images are skipped");
    }
}
