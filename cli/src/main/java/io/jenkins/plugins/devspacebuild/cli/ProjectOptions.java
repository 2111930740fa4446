package io.jenkins.plugins.devspacebuild.cli;

import io.jenkins.plugins.devspacebuild.engine.RunOptions;
import io.jenkins.plugins.devspacebuild.config.ConfigException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** Options every command shares: which devspace.yaml, the project root, variables. */
final class ProjectOptions {
    @Option(names = {"-f", "--config"}, paramLabel = "FILE", defaultValue = "devspace.yaml", description = "The devspace.yaml (default: ${DEFAULT-VALUE}).")
    Path config;

    @Option(names = "--root", paramLabel = "DIR", description = "The project root; Dockerfiles and contexts must stay inside it (default: the current directory).")
    Path root;

    @Option(names = "--var", paramLabel = "KEY=VALUE", description = "A variable for $${KEY} in devspace.yaml, before the environment.")
    Map<String, String> vars = new LinkedHashMap<>();

    @Option(names = {"-p", "--profile"}, paramLabel = "NAME", description = "A devspace.yaml profile to apply; repeat it to apply several, in order.")
    List<String> profiles = new ArrayList<>();

    /** The usage checks every command makes first. */
    void check() throws ConfigException {
        InputCheck.configFile(configFile());
        InputCheck.root(root);
        InputCheck.variables(vars);
    }

    Path configFile() {
        return config.toAbsolutePath().normalize();
    }

    Path projectRoot() {
        return (root == null ? Path.of("") : root).toAbsolutePath().normalize();
    }

    Path cacheFile(Path explicit) {
        return explicit != null ? explicit.toAbsolutePath().normalize() : RunOptions.defaultCacheFile(configFile());
    }

    static void requireNonEmpty(String what, String value) throws ConfigException {
        if (value == null || value.isBlank()) {
            throw new ConfigException(what + " must not be empty");
        }
    }
}
