package io.jenkins.plugins.devspacebuild.config;

import java.util.List;

/** Several problems of one devspace.yaml, reported together: one line each, in file order of discovery. */
public final class ConfigProblemsException extends ConfigException {
    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public ConfigProblemsException(String file, List<String> problems) {
        this(file, problems, problems.size());
    }

    /** {@code total}: how many were found, when only the first of them are listed. */
    public ConfigProblemsException(String file, List<String> problems, int total) {
        super(file + " has " + total + " problems:\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    /** Each problem's message: {@code file:line:column: field: what is wrong; what to do}. */
    public List<String> problems() {
        return problems;
    }
}
