package io.jenkins.plugins.devspacebuild.cli;

import io.jenkins.plugins.devspacebuild.engine.BuildEngine;
import io.jenkins.plugins.devspacebuild.engine.EngineSettings;
import io.jenkins.plugins.devspacebuild.engine.RunOptions;
import io.jenkins.plugins.devspacebuild.registry.RegistryCredentials;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code devspace-build context ...}: inspect build contexts. */
@Command(name = "context", mixinStandardHelpOptions = true, description = "Inspects an image's build context.",
        subcommands = ContextCommand.ListCommand.class)
final class ContextCommand {

    /** {@code context list IMAGE}: every entry as it will be sent, sorted by path in byte order. */
    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Prints every entry of IMAGE's build context as it will be sent: 'f PATH', 'd PATH' or 'l PATH -> TARGET'.")
    static final class ListCommand implements Callable<Integer> {
        @Mixin
        ProjectOptions project;

        @Parameters(paramLabel = "IMAGE", description = "The image key under 'images'.")
        String image;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            project.check();
            PrintWriter err = spec.commandLine().getErr();
            BuildEngine engine = new BuildEngine(EngineSettings.of(System.getenv(), RegistryCredentials.NONE, e -> { }));
            BuildEngine.ContextListing listing = engine.listContext(RunOptions.builder(project.configFile()).projectRoot(project.projectRoot())
                    .cacheFile(project.cacheFile(null)).variables(project.vars).profiles(project.profiles).skipPush(true).build(), image);
            listing.warnings().forEach(w -> err.println("warning: " + w));
            PrintWriter out = spec.commandLine().getOut();
            listing.entries().forEach(out::println);
            out.flush();
            return 0;
        }
    }
}
