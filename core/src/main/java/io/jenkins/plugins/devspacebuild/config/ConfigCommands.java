package io.jenkins.plugins.devspacebuild.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the commands devspace.yaml asks for while it is loaded ({@code vars} with {@code command}, and v2beta1's
 * {@code $(command)} expressions): {@code sh -c} in the directory of devspace.yaml, with the build's environment
 * only, bounded in time and output. Each distinct command runs once per load.
 */
final class ConfigCommands {
    static final long TIMEOUT_SECONDS = 120;
    private static final int MAX_OUTPUT = 64 * 1024;

    private final Path directory;
    private final Map<String, String> environment;
    private final Map<List<String>, String> done = new HashMap<>();

    ConfigCommands(Path directory, Map<String, String> environment) {
        this.directory = directory;
        this.environment = environment;
    }

    /**
     * The standard output of {@code command} (a shell command line; or, with {@code args}, a program and its arguments),
     * trailing newlines removed.
     *
     * @param what names the command in errors, e.g. "variable VERSION (devspace.yaml:4:3)"
     */
    String run(String command, List<String> args, String what) throws ConfigException {
        // without args a shell command line; with args (DevSpace's command + args) the program itself, found on the build's PATH
        List<String> argv = new ArrayList<>(args.isEmpty() ? List.of("sh", "-c", command) : List.of("sh", "-c", "exec \"$0\" \"$@\"", command));
        argv.addAll(args);
        String known = done.get(argv);
        if (known != null) {
            return known;
        }
        ProcessBuilder pb = new ProcessBuilder(argv).directory(directory.toFile()).redirectErrorStream(false);
        pb.environment().clear();
        pb.environment().putAll(environment);
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new ConfigException(what + ": the command '" + command + "' cannot be started (" + e.getMessage()
                    + "); devspace-build runs it with sh -c in " + directory);
        }
        try {
            p.getOutputStream().close();
            Reader out = new Reader(p.getInputStream());
            Reader err = new Reader(p.getErrorStream());
            out.start();
            err.start();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new ConfigException(what + ": the command '" + command + "' did not finish within " + TIMEOUT_SECONDS
                        + " s and was stopped; make it finish or give the value with --var");
            }
            out.join(5000);
            err.join(5000);
            if (p.exitValue() != 0) {
                String e = err.text().strip();
                throw new ConfigException(what + ": the command '" + command + "' failed with exit code " + p.exitValue()
                        + (e.isEmpty() ? "" : ": " + (e.length() > 300 ? e.substring(0, 300) + "..." : e))
                        + "; fix the command or give the value with --var");
            }
            if (out.truncated) {
                throw new ConfigException(what + ": the command '" + command + "' printed more than " + MAX_OUTPUT + " bytes; a value must be short");
            }
            String value = out.text().replaceAll("[\\r\\n]+$", "");
            done.put(argv, value);
            return value;
        } catch (IOException e) {
            throw new ConfigException(what + ": the command '" + command + "' failed: " + e.getMessage());
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new ConfigException(what + ": interrupted while the command '" + command + "' ran");
        }
    }

    /** Reads a stream to its end, keeping at most {@link #MAX_OUTPUT} bytes. */
    private static final class Reader extends Thread {
        private final InputStream in;
        private final java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
        private volatile boolean truncated;

        Reader(InputStream in) {
            super("devspace-build-config-command");
            setDaemon(true);
            this.in = in;
        }

        @Override
        public void run() {
            byte[] b = new byte[8192];
            try (in) {
                for (int n; (n = in.read(b)) > 0; ) {
                    synchronized (buf) {
                        int room = MAX_OUTPUT - buf.size();
                        if (n > room) {
                            truncated = true;
                        }
                        buf.write(b, 0, Math.max(0, Math.min(n, room)));
                    }
                }
            } catch (IOException e) {
                // the process went away; what was read is kept
            }
        }

        String text() {
            synchronized (buf) {
                return buf.toString(StandardCharsets.UTF_8);
            }
        }
    }
}
