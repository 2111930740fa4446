package io.jenkins.plugins.devspacebuild.cli;

import io.jenkins.plugins.devspacebuild.error.DevSpaceBuildException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code devspace-build}: DevSpace's image-building process from a shell. Exit codes: 0 success, 1 a build failed,
 * 2 bad configuration or usage (the error on stderr, never a stack trace).
 */
@Command(name = "devspace-build", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Builds, tags and pushes the images of a devspace.yaml, skipping those whose Dockerfile, context and build "
                + "config did not change since their last build.",
        subcommands = {PlanCommand.class, BuildCommand.class, ContextCommand.class, ValuesCommand.class, CommandLine.HelpCommand.class})
public final class Main {

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs a command line; returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof DevSpaceBuildException d) {
                err.println("error: " + d.getMessage());
                err.flush();
                return d.exitCode();
            }
            if (ex instanceof InterruptedException) {
                err.println("cancelled");
                return 130;
            }
            err.println("error: " + ex);
            err.flush();
            return 1;
        });
        return cl.execute(args);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"devspace-build " + (v == null ? "development" : v)};
        }
    }
}
