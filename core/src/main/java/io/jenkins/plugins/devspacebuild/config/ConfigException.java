package io.jenkins.plugins.devspacebuild.config;

import io.jenkins.plugins.devspacebuild.error.DevSpaceBuildException;

/** Bad configuration or usage: the message names the file, line, column and field, and what to do. Exit code 2. */
public class ConfigException extends DevSpaceBuildException {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(Location where, String field, String problem) {
        super(where + ": " + (field == null || field.isEmpty() ? "" : field + ": ") + problem);
    }

    @Override
    public int exitCode() {
        return 2;
    }
}
