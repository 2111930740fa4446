package io.jenkins.plugins.devspacebuild.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.devspacebuild.engine.BuildEngine;
import io.jenkins.plugins.devspacebuild.engine.EngineSettings;
import io.jenkins.plugins.devspacebuild.engine.RunOptions;
import io.jenkins.plugins.devspacebuild.event.BuildEvent;
import io.jenkins.plugins.devspacebuild.event.EventSink;
import io.jenkins.plugins.devspacebuild.registry.RegistryCredentials;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code devspace-build plan}: per image the decision, the reason and the three hashes; builds nothing. An image its
 * configuration disables ({@code build.disabled}) is listed as skipped with the reason "disabled: ..." and no hashes
 * (null in JSON).
 */
@Command(name = "plan", mixinStandardHelpOptions = true, description = "Shows, per image, whether it would be built or skipped, why, and its hashes.")
final class PlanCommand implements Callable<Integer> {
    @Mixin
    ProjectOptions project;

    @Option(names = "--cache", paramLabel = "FILE", description = "The cache (default: .devspace/devspace-build-cache.json next to devspace.yaml).")
    Path cache;

    @Option(names = {"-b", "--force-build"}, description = "Decide as if every image were forced.")
    boolean force;

    @Option(names = "--json", description = "Print a JSON array instead of text.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        project.check();
        InputCheck.cache(cache);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<BuildEvent.Decided> plans = Collections.synchronizedList(new ArrayList<>());
        EventSink events = e -> {
            if (e instanceof BuildEvent.Decided d) {
                plans.add(d);
            } else if (e instanceof BuildEvent.Message m && m.level() == BuildEvent.Level.WARNING) {
                synchronized (err) {
                    err.println("warning: " + (m.image() == null ? "" : "[" + m.image() + "] ") + m.text());
                    err.flush();
                }
            }
        };
        BuildEngine engine = new BuildEngine(EngineSettings.of(System.getenv(), RegistryCredentials.NONE, events));
        RunOptions options = RunOptions.builder(project.configFile()).projectRoot(project.projectRoot()).cacheFile(project.cacheFile(cache))
                .variables(project.vars).profiles(project.profiles).forceBuild(force).skipPush(true).build();
        engine.plan(options);
        if (json) {
            ObjectMapper mapper = new ObjectMapper().configure(SerializationFeature.INDENT_OUTPUT, true);
            ArrayNode arr = mapper.createArrayNode();
            for (BuildEvent.Decided p : plans) {
                ObjectNode o = arr.addObject();
                o.put("name", p.image());
                o.put("decision", p.build() ? "build" : "skip");
                o.put("reason", p.reason());
                o.put("dockerfileHash", p.hashes().dockerfile());
                o.put("contextHash", p.hashes().context());
                o.put("configHash", p.hashes().config());
            }
            out.println(mapper.writeValueAsString(arr));
        } else {
            for (BuildEvent.Decided p : plans) {
                out.println(p.image() + ": " + (p.build() ? "build" : "skip") + " (" + p.reason() + ")");
                if (p.hashes().dockerfile() == null) {
                    // an image its configuration disables: nothing was read, so no hashes
                    continue;
                }
                for (Map.Entry<String, String> h : Map.of("dockerfile", p.hashes().dockerfile(), "context   ", p.hashes().context(),
                        "config    ", p.hashes().config()).entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
                    out.println("  " + h.getKey() + " " + h.getValue());
                }
            }
        }
        out.flush();
        return 0;
    }
}
