package io.jenkins.plugins.devspacebuild.jenkins;

import hudson.Launcher;
import hudson.Proc;
import hudson.remoting.RemoteInputStream;
import hudson.remoting.RemoteOutputStream;
import io.jenkins.plugins.devspacebuild.builder.ProcessLauncher;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The engine's {@link ProcessLauncher} for the step: every process the engine starts (custom build commands, the docker
 * CLI) is started by the build's {@link Launcher}, the one the step gets from its context, so the decorators around
 * the step apply: kubernetes-plugin's {@code container('docker')} runs it in that container, docker-workflow's
 * {@code docker.image().inside} in that container, {@code withEnv} adds its variables.
 *
 * <p>What runs where: the engine runs on the agent that holds the workspace (inside {@link AgentBuild}). The
 * {@code Launcher} is a controller-side object (a remote launcher, possibly decorated), so the agent calls back: the
 * controller exports a {@link Remote} over the workspace's channel; {@link AgentSide} (on the agent) calls it with
 * the command and a {@link RemoteOutputStream} for the output; on the controller {@link ControllerSide} starts it
 * with {@code launcher.launch()}, which runs it on the agent again (or in the container). Output flows process →
 * controller → engine on the agent. When the engine interrupts its call (a cancelled build), remoting cancels the
 * request on the controller, whose {@code Proc.kill()} ends the process. On the built-in node there is no channel:
 * export returns the object itself and nothing is serialised.
 *
 * <p>Environment: the launcher starts processes with the agent's environment overridden by the build's variables
 * ({@code ProcStarter.envs}), where the CLI's launcher uses exactly the given environment.
 */
final class BuildLauncher {
    private BuildLauncher() {
    }

    /** Exported by the controller; called from the agent. Public for remoting's proxy. */
    public interface Remote {
        int run(List<String> command, Map<String, String> environment, String directory, InputStream stdin, OutputStream output)
                throws IOException, InterruptedException;
    }

    /** On the controller: starts the command through the build's launcher and waits; kills it when interrupted. */
    static final class ControllerSide implements Remote {
        private final Launcher launcher;

        ControllerSide(Launcher launcher) {
            this.launcher = launcher;
        }

        @Override
        public int run(List<String> command, Map<String, String> environment, String directory, InputStream stdin, OutputStream output)
                throws IOException, InterruptedException {
            Launcher.ProcStarter starter = launcher.launch().cmds(command).envs(environment).pwd(directory).stdout(output).quiet(true);
            if (stdin != null) {
                starter.stdin(stdin);
            }
            Proc proc = starter.start();
            try {
                int code = proc.join();
                output.flush();
                return code;
            } catch (InterruptedException e) {
                proc.kill();
                throw e;
            }
        }
    }

    /** On the agent: the engine's port, calling the controller's {@link Remote}. */
    static final class AgentSide implements ProcessLauncher, Serializable {
        private static final long serialVersionUID = 1L;
        private final Remote remote;

        AgentSide(Remote remote) {
            this.remote = remote;
        }

        @Override
        public int run(List<String> command, Map<String, String> environment, Path directory, StdinWriter stdin, OutputStream output)
                throws IOException, InterruptedException {
            InputStream in = null;
            Thread feeder = null;
            if (stdin != null) {
                PipedInputStream pipe = new PipedInputStream(64 * 1024);
                PipedOutputStream writer = new PipedOutputStream(pipe);
                feeder = new Thread(() -> {
                    try (OutputStream os = writer) {
                        stdin.write(os);
                    } catch (IOException ignored) {
                        // the process stopped reading; its exit code tells
                    }
                }, "devspace-build-stdin");
                feeder.setDaemon(true);
                feeder.start();
                in = new RemoteInputStream(pipe);
            }
            try {
                return remote.run(new ArrayList<>(command), new TreeMap<>(environment), directory.toString(), in, new RemoteOutputStream(output));
            } finally {
                if (feeder != null) {
                    feeder.interrupt();
                }
            }
        }
    }
}
