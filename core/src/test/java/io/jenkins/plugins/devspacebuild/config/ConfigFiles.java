package io.jenkins.plugins.devspacebuild.config;

import static io.jenkins.plugins.devspacebuild.testing.TestFiles.write;

import java.nio.file.Path;
import java.util.Map;

/** A project folder with the Dockerfiles the config tests name, and loading a devspace.yaml written into it. */
final class ConfigFiles {
    final Path root;

    ConfigFiles(Path root) {
        this.root = root;
        write(root, "Dockerfile", "FROM scratch\n");
        write(root, "api/Dockerfile", "FROM scratch\n");
    }

    ProjectConfig load(String yaml) throws ConfigException {
        return load(yaml, Map.of(), Map.of());
    }

    ProjectConfig load(String yaml, Map<String, String> vars, Map<String, String> env) throws ConfigException {
        write(root, "devspace.yaml", yaml);
        return ConfigLoader.load(new ConfigLoader.Request(root.resolve("devspace.yaml"), root, vars, env));
    }

    /** The error loading {@code yaml} gives; fails when it loads. */
    ConfigException error(String yaml) {
        try {
            load(yaml);
        } catch (ConfigException e) {
            return e;
        }
        throw new AssertionError("no error for:\n" + yaml);
    }
}
