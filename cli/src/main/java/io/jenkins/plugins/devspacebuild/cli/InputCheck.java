package io.jenkins.plugins.devspacebuild.cli;

import io.jenkins.plugins.devspacebuild.config.BuilderKind;
import io.jenkins.plugins.devspacebuild.config.ConfigException;
import io.jenkins.plugins.devspacebuild.util.ReferenceGrammar;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks the command line before anything runs, so a bad value is a usage error (exit 2) naming the option, not a
 * failure of each image later. Messages quote values only where they cannot be secrets.
 */
final class InputCheck {
    private static final Pattern VAR_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern HOST = Pattern.compile("(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*"
            + "|\\[[0-9a-fA-F:]+\\])(?::[0-9]{1,5})?");

    private InputCheck() {
    }

    static void maxParallel(int n) throws ConfigException {
        if (n < 0) {
            throw new ConfigException("--max-parallel must be 0 (the default cap) or more, not " + n);
        }
    }

    static void builder(String name) throws ConfigException {
        try {
            BuilderKind.parseRunOption(name);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("--" + e.getMessage());
        }
    }

    static void configFile(Path file) throws ConfigException {
        if (Files.isDirectory(file)) {
            throw new ConfigException("-f " + file + " is a directory; give the devspace.yaml file itself (for example -f "
                    + file.resolve("devspace.yaml") + ")");
        }
    }

    static void root(Path root) throws ConfigException {
        if (root == null) {
            return;
        }
        if (!Files.exists(root)) {
            throw new ConfigException("--root " + root + " does not exist; give the project's directory");
        }
        if (!Files.isDirectory(root)) {
            throw new ConfigException("--root " + root + " is a file, not a directory; give the project's directory (the one that holds "
                    + "devspace.yaml, or above it)");
        }
    }

    static void variables(Map<String, String> vars) throws ConfigException {
        for (String name : vars.keySet()) {
            if (!VAR_NAME.matcher(name).matches()) {
                throw new ConfigException("--var " + ReferenceGrammar.quote(name) + "=...: the name must be letters, digits and '_', not "
                        + "starting with a digit (written as --var NAME=VALUE)");
            }
        }
    }

    /** An explicit --cache: a regular file, or nothing yet. */
    static void cache(Path cache) throws ConfigException {
        if (cache == null || !Files.exists(cache)) {
            return;
        }
        if (!Files.isRegularFile(cache)) {
            throw new ConfigException("--cache " + cache + " is " + (Files.isDirectory(cache) ? "a directory" : "a FIFO, socket or device")
                    + ", not a regular file; give the path of a JSON file (it is created when missing)");
        }
    }

    static void tags(List<String> tags) throws ConfigException {
        for (String t : tags) {
            // '#' is replaced by a random character (see TagResolver)
            String problem = ReferenceGrammar.tagProblem(t.replace('#', 'a'));
            if (problem != null) {
                throw new ConfigException("-t " + ReferenceGrammar.quote(t) + " is not a valid tag: " + problem);
            }
        }
    }

    static void insecureRegistries(List<String> hosts) throws ConfigException {
        for (String h : hosts) {
            String host = h.trim();
            int scheme = host.indexOf("://");
            if (scheme >= 0) {
                host = host.substring(scheme + 3);
            }
            if (host.endsWith("/")) {
                host = host.substring(0, host.length() - 1);
            }
            if (!HOST.matcher(host).matches()) {
                throw new ConfigException("--insecure-registry " + ReferenceGrammar.quote(h) + " is not a registry host; give HOST or HOST:PORT, "
                        + "for example registry.local:5000");
            }
        }
    }

    /** --output-file / --output-env: not a directory, and a parent that is (or can be) a directory. */
    static void output(String option, Path file) throws ConfigException {
        if (file == null) {
            return;
        }
        Path abs = file.toAbsolutePath();
        if (Files.isDirectory(abs)) {
            throw new ConfigException(option + " " + file + " is a directory; give the path of a file");
        }
        for (Path p = abs.getParent(); p != null; p = p.getParent()) {
            if (Files.exists(p)) {
                if (!Files.isDirectory(p)) {
                    throw new ConfigException(option + " " + file + ": " + p + " is a file, not a directory; give a path in a directory");
                }
                if (!Files.isWritable(p) && p.equals(abs.getParent())) {
                    throw new ConfigException(option + " " + file + ": the directory " + p + " is not writable; give a path in a writable directory");
                }
                break;
            }
        }
    }
}
