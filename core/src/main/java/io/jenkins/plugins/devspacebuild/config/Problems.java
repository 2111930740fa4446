package io.jenkins.plugins.devspacebuild.config;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The problems found in one devspace.yaml, gathered so that a single run reports all of them (each with
 * file:line:column, field and what to do) instead of stopping at the first.
 */
final class Problems {

    /** One step of reading that may fail with a {@link ConfigException}. */
    @FunctionalInterface
    interface Step {
        void run() throws ConfigException;
    }

    /** More are counted, not kept: a broken generated file must not make a message of megabytes. */
    static final int MAX_REPORTED = 50;

    private final Set<String> messages = new LinkedHashSet<>();
    private int more;

    void add(ConfigException e) {
        if (e instanceof ConfigProblemsException many) {
            many.problems().forEach(this::add);
        } else {
            add(e.getMessage());
        }
    }

    private void add(String message) {
        if (messages.size() < MAX_REPORTED) {
            messages.add(message);
        } else if (!messages.contains(message)) {
            more++;
        }
    }

    /** Runs {@code step}; a problem it raises is recorded and reading goes on. Returns whether it succeeded. */
    boolean attempt(Step step) {
        try {
            step.run();
            return true;
        } catch (ConfigException e) {
            add(e);
            return false;
        }
    }

    boolean isEmpty() {
        return messages.isEmpty();
    }

    /** Throws what was found: the one problem as it is, or all of them in one exception. */
    void throwIfAny(String display) throws ConfigException {
        if (messages.size() == 1) {
            throw new ConfigException(messages.iterator().next());
        }
        if (!messages.isEmpty()) {
            List<String> all = new ArrayList<>(messages);
            if (more > 0) {
                all.add("... and " + more + " more; fix these first");
            }
            throw new ConfigProblemsException(display, all, messages.size() + more);
        }
    }

    List<String> messages() {
        return List.copyOf(messages);
    }
}
