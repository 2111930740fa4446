package io.jenkins.plugins.devspacebuild.builder;

import io.jenkins.plugins.devspacebuild.event.EventSink;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs a command for a builder: output (stdout and stderr merged) streamed line by line as the image's events, an
 * optional writer feeding stdin, and on interrupt the whole process tree destroyed. Secrets never go on its command
 * line: pass them by environment or stdin.
 */
final class StreamingProcess {

    /** Writes the process's standard input. */
    @FunctionalInterface
    interface StdinWriter {
        void write(OutputStream stdin) throws IOException;
    }

    /**
     * @param exitCode the exit code
     * @param tail     the last lines of output, for the error message
     */
    record Result(int exitCode, List<String> tail) {
    }

    private StreamingProcess() {
    }

    static Result run(List<String> command, Map<String, String> environment, Path directory, StdinWriter stdin, String imageKey,
                      EventSink events) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().clear();
        pb.environment().putAll(environment);
        pb.directory(directory.toFile());
        pb.redirectErrorStream(true);
        if (stdin == null) {
            pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        }
        Process p = pb.start();
        AtomicReference<IOException> writeError = new AtomicReference<>();
        Thread feeder = null;
        if (stdin != null) {
            feeder = new Thread(() -> {
                try (OutputStream os = p.getOutputStream()) {
                    stdin.write(os);
                } catch (IOException e) {
                    writeError.set(e);
                }
            }, "devspace-build-stdin-" + imageKey);
            feeder.setDaemon(true);
            feeder.start();
        }
        Deque<String> tail = new ArrayDeque<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    events.output(imageKey, line);
                    synchronized (tail) {
                        tail.addLast(line);
                        if (tail.size() > 20) {
                            tail.removeFirst();
                        }
                    }
                }
            } catch (IOException ignored) {
                // the process was destroyed
            }
        }, "devspace-build-output-" + imageKey);
        reader.setDaemon(true);
        reader.start();
        try {
            int code = p.waitFor();
            reader.join();
            if (feeder != null) {
                feeder.join();
            }
            if (code == 0 && writeError.get() != null) {
                throw writeError.get();
            }
            synchronized (tail) {
                return new Result(code, List.copyOf(tail));
            }
        } catch (InterruptedException e) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            if (feeder != null) {
                feeder.interrupt();
            }
            throw e;
        }
    }

    /** The first executable named {@code program} on the environment's PATH, or null. */
    static Path which(String program, Map<String, String> environment) {
        String path = environment.get("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path c = Path.of(dir, program);
            if (Files.isExecutable(c) && !Files.isDirectory(c)) {
                return c;
            }
        }
        return null;
    }
}
