package io.jenkins.plugins.devspacebuild.cache;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The few git config keys the index check needs ({@code core.autocrlf}, {@code core.attributesFile},
 * {@code extensions.objectFormat}), read from one config file: {@code [section]} or {@code [section "sub"]} headers and
 * {@code key = value} lines; keys lower-cased, last value wins, a key without value is "true". Subsections are kept
 * in the name ({@code filter.lfs.clean}). Include directives are not followed.
 */
final class GitConfig {
    private final Map<String, String> values;

    private GitConfig(Map<String, String> values) {
        this.values = values;
    }

    String get(String key) {
        return values.get(key);
    }

    static GitConfig read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return new GitConfig(Map.of());
        }
        Map<String, String> m = new HashMap<>();
        String section = "";
        for (String raw : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("[")) {
                int end = line.indexOf(']');
                if (end < 0) {
                    throw new IllegalArgumentException(file + ": bad section header " + line);
                }
                String h = line.substring(1, end).strip();
                int q = h.indexOf('"');
                section = q < 0 ? h.toLowerCase(Locale.ROOT) : h.substring(0, q).strip().toLowerCase(Locale.ROOT) + "." + h.substring(q + 1, h.lastIndexOf('"'));
                line = line.substring(end + 1).strip();
                if (line.isEmpty()) {
                    continue;
                }
            }
            int eq = line.indexOf('=');
            String key = (eq < 0 ? line : line.substring(0, eq)).strip().toLowerCase(Locale.ROOT);
            String value = eq < 0 ? "true" : unquote(line.substring(eq + 1).strip());
            m.put(section + "." + key, value.toLowerCase(Locale.ROOT));
        }
        return new GitConfig(m);
    }

    private static String unquote(String v) {
        int hash = v.indexOf('#');
        int semi = v.indexOf(';');
        int cut = hash < 0 ? semi : semi < 0 ? hash : Math.min(hash, semi);
        if (cut >= 0 && !v.startsWith("\"")) {
            v = v.substring(0, cut).strip();
        }
        return v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1) : v;
    }

    /** ~/.gitconfig and $XDG_CONFIG_HOME/git/config (or $GIT_CONFIG_GLOBAL), merged. */
    static GitConfig global() throws IOException {
        Map<String, String> m = new HashMap<>();
        String explicit = System.getenv("GIT_CONFIG_GLOBAL");
        if (explicit != null) {
            m.putAll(read(Path.of(explicit)).values);
        } else {
            m.putAll(read(xdgHome().resolve("git/config")).values);
            m.putAll(read(Path.of(System.getProperty("user.home"), ".gitconfig")).values);
        }
        return new GitConfig(m);
    }

    /** /etc/gitconfig (or $GIT_CONFIG_SYSTEM); none when $GIT_CONFIG_NOSYSTEM is set. */
    static GitConfig system() throws IOException {
        if (System.getenv("GIT_CONFIG_NOSYSTEM") != null) {
            return new GitConfig(Map.of());
        }
        String explicit = System.getenv("GIT_CONFIG_SYSTEM");
        return read(Path.of(explicit != null ? explicit : "/etc/gitconfig"));
    }

    static Path xdgHome() {
        String xdg = System.getenv("XDG_CONFIG_HOME");
        return xdg != null && !xdg.isEmpty() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
    }
}
