package io.jenkins.plugins.devspacebuild.builder;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The port through which the engine starts every process (custom build commands, the docker CLI). The CLI uses
 * {@link #LOCAL} (a {@link ProcessBuilder} in this JVM); the Jenkins plugin supplies one that starts them through the
 * build's {@code Launcher}, so that {@code container('docker') { devspaceBuild ... }} or {@code withEnv} apply.
 */
@FunctionalInterface
public interface ProcessLauncher {
    /** Writes a process's standard input. */
    @FunctionalInterface
    interface StdinWriter {
        void write(OutputStream stdin) throws IOException;
    }

    /** Processes in this JVM's machine, by {@link ProcessBuilder}. */
    ProcessLauncher LOCAL = new LocalProcessLauncher();

    /**
     * Runs a command to its end.
     *
     * @param command     the program and its arguments (never a secret: pass those by environment or stdin)
     * @param environment the process's environment
     * @param directory   its working directory
     * @param stdin       writes its standard input; null for none (empty)
     * @param output      receives standard output and standard error, merged
     * @return the exit code
     * @throws InterruptedException when the calling thread is interrupted: the process and its children are killed
     */
    int run(List<String> command, Map<String, String> environment, Path directory, StdinWriter stdin, OutputStream output)
            throws IOException, InterruptedException;
}
