package io.jenkins.plugins.devspacebuild.builder;

import io.jenkins.plugins.devspacebuild.event.EventSink;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * Runs a command for a builder through a {@link ProcessLauncher}: output (stdout and stderr merged) streamed line by
 * line as the image's events, an optional writer feeding stdin, and on interrupt the whole process tree destroyed.
 * Secrets never go on its command line: pass them by environment or stdin.
 */
final class StreamingProcess {

    /** Writes the process's standard input. */
    @FunctionalInterface
    interface StdinWriter extends ProcessLauncher.StdinWriter {
    }

    /**
     * @param exitCode the exit code
     * @param tail     the last lines of output, for the error message
     */
    record Result(int exitCode, List<String> tail) {
    }

    private StreamingProcess() {
    }

    /** Runs the command through {@code launcher}, each line of its output an event of the image. */
    static Result run(ProcessLauncher launcher, List<String> command, Map<String, String> environment, Path directory, StdinWriter stdin,
                      String imageKey, EventSink events) throws IOException, InterruptedException {
        Deque<String> tail = new ArrayDeque<>();
        LineSplitter lines = new LineSplitter(line -> {
            events.output(imageKey, line);
            synchronized (tail) {
                tail.addLast(line);
                if (tail.size() > 20) {
                    tail.removeFirst();
                }
            }
        });
        int code = launcher.run(command, environment, directory, stdin, lines);
        lines.close();
        synchronized (tail) {
            return new Result(code, List.copyOf(tail));
        }
    }

    /** Cuts UTF-8 output into lines. */
    private static final class LineSplitter extends OutputStream {
        private final java.util.function.Consumer<String> sink;
        private final java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();

        LineSplitter(java.util.function.Consumer<String> sink) {
            this.sink = sink;
        }

        @Override
        public synchronized void write(int b) {
            if (b == '\n') {
                emit();
            } else {
                line.write(b);
            }
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            for (int i = off; i < off + len; i++) {
                write(b[i]);
            }
        }

        private void emit() {
            String s = line.toString(StandardCharsets.UTF_8);
            line.reset();
            sink.accept(s.endsWith("\r") ? s.substring(0, s.length() - 1) : s);
        }

        @Override
        public synchronized void close() {
            if (line.size() > 0) {
                emit();
            }
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
