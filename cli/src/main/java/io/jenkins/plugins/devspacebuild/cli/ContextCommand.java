package io.jenkins.plugins.devspacebuild.cli;

import io.jenkins.plugins.devspacebuild.engine.BuildEngine;
import io.jenkins.plugins.devspacebuild.engine.EngineSettings;
import io.jenkins.plugins.devspacebuild.engine.RunOptions;
import io.jenkins.plugins.devspacebuild.config.ConfigException;
import io.jenkins.plugins.devspacebuild.config.ImageConfig;
import io.jenkins.plugins.devspacebuild.config.ProjectConfig;
import io.jenkins.plugins.devspacebuild.context.BuildContext;
import io.jenkins.plugins.devspacebuild.context.ContextEntry;
import io.jenkins.plugins.devspacebuild.context.ContextWalker;
import io.jenkins.plugins.devspacebuild.registry.RegistryCredentials;
import java.io.PrintWriter;
import java.util.List;
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
            ProjectConfig config = engine.loadConfig(new RunOptions(project.configFile(), project.projectRoot(), project.cacheFile(null), null,
                    project.vars, false, false, 0, false, true, List.of(), List.of()));
            ImageConfig ic = config.images().get(image);
            if (ic == null) {
                throw new ConfigException("no image '" + image + "' in " + config.display(config.configFile()) + "; its images are: "
                        + String.join(", ", config.images().keySet()));
            }
            BuildContext ctx = ContextWalker.walk(ic.context(), ic.dockerfile(), config.projectRoot());
            ctx.warnings().forEach(w -> err.println("warning: " + w));
            PrintWriter out = spec.commandLine().getOut();
            for (ContextEntry e : ctx.entries()) {
                out.println(e.listing());
            }
            out.flush();
            return 0;
        }
    }
}
