package io.jenkins.plugins.devspacebuild.builder;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/** {@link ProcessLauncher#LOCAL}: exactly the given environment; on interrupt the whole process tree is destroyed. */
final class LocalProcessLauncher implements ProcessLauncher {
    @Override
    public int run(List<String> command, Map<String, String> environment, Path directory, StdinWriter stdin, OutputStream output)
            throws IOException, InterruptedException {
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
            }, "devspace-build-stdin");
            feeder.setDaemon(true);
            feeder.start();
        }
        Thread copier = new Thread(() -> {
            try (InputStream in = p.getInputStream()) {
                in.transferTo(output);
            } catch (IOException ignored) {
                // the process was destroyed
            }
        }, "devspace-build-output");
        copier.setDaemon(true);
        copier.start();
        try {
            int code = p.waitFor();
            copier.join();
            if (feeder != null) {
                feeder.join();
            }
            if (code == 0 && writeError.get() != null) {
                throw writeError.get();
            }
            return code;
        } catch (InterruptedException e) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            if (feeder != null) {
                feeder.interrupt();
            }
            throw e;
        }
    }
}
