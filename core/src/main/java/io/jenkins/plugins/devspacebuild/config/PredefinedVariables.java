package io.jenkins.plugins.devspacebuild.config;

import java.security.SecureRandom;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The variables DevSpace defines itself, under both of its spellings ({@code DEVSPACE_GIT_COMMIT} and
 * {@code devspace.git.commit}, ...). Each is computed once per load, so every use in one run sees the same value.
 * The kube context and namespace come from the kubeconfig (empty when there is none, as in DevSpace without a cluster).
 */
final class PredefinedVariables {
    private static final String ALPHANUM = "abcdefghijklmnopqrstuvwxyz";

    /** What the values are computed from. */
    record Context(GitInfo git, List<String> profiles, String configName, Map<String, String> environment, KubeInfo kube) {
        Context {
            profiles = List.copyOf(profiles);
            environment = Map.copyOf(environment);
        }
    }

    /** The current kube context and its namespace, looked up only when a config uses them. */
    interface KubeInfo {
        Optional<String> context();

        Optional<String> namespace();

        KubeInfo NONE = new KubeInfo() {
            @Override
            public Optional<String> context() {
                return Optional.empty();
            }

            @Override
            public Optional<String> namespace() {
                return Optional.empty();
            }
        };
    }

    private final Map<String, Supplier<ConfigValue>> definitions = new HashMap<>();
    private final Map<Supplier<ConfigValue>, ConfigValue> values = new java.util.IdentityHashMap<>();

    /** A predefined value, or the reason it has none. */
    record ConfigValue(String value, String problem) {
    }

    PredefinedVariables(Context c) {
        SecureRandom random = new SecureRandom();
        define(() -> {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 6; i++) {
                sb.append(ALPHANUM.charAt(random.nextInt(ALPHANUM.length())));
            }
            return ok(sb.toString());
        }, "DEVSPACE_RANDOM", "devspace.random");
        define(() -> ok(Long.toString(System.currentTimeMillis() / 1000)), "DEVSPACE_TIMESTAMP", "devspace.timestamp");
        define(() -> c.git().branch().map(PredefinedVariables::ok).orElseGet(() -> missing("no git checkout holds devspace.yaml")),
                "DEVSPACE_GIT_BRANCH", "devspace.git.branch");
        define(() -> c.git().commit().map(h -> ok(h.substring(0, Math.min(8, h.length()))))
                .orElseGet(() -> missing("no git checkout holds devspace.yaml")), "DEVSPACE_GIT_COMMIT", "devspace.git.commit");
        define(() -> ok(c.profiles().isEmpty() ? "" : c.profiles().get(c.profiles().size() - 1)), "DEVSPACE_PROFILE", "devspace.profile");
        define(() -> ok(String.join(" ", c.profiles())), "DEVSPACE_PROFILES", "devspace.profiles");
        define(() -> ok(c.environment().getOrDefault("HOME", System.getProperty("user.home", ""))), "DEVSPACE_USER_HOME",
                "devspace.userHome");
        define(() -> ok(c.configName() == null ? "" : c.configName()), "DEVSPACE_NAME", "devspace.name");
        define(() -> ok(System.getProperty("java.io.tmpdir", "/tmp")), "DEVSPACE_TMPDIR", "devspace.tmpdir");
        define(() -> ok(c.kube().context().orElse("")), "DEVSPACE_CONTEXT", "devspace.context");
        define(() -> ok(c.kube().namespace().orElse("default")), "DEVSPACE_NAMESPACE", "devspace.namespace", "DEVSPACE_SPACE");
    }

    private void define(Supplier<ConfigValue> s, String... names) {
        for (String n : names) {
            definitions.put(n, s);
        }
    }

    private static ConfigValue ok(String v) {
        return new ConfigValue(v, null);
    }

    private static ConfigValue missing(String why) {
        return new ConfigValue(null, why);
    }

    boolean defines(String name) {
        return definitions.containsKey(name);
    }

    /** The value, or empty when {@code name} is not predefined; a predefined name without value gives a problem. */
    Optional<ConfigValue> lookup(String name) {
        Supplier<ConfigValue> s = definitions.get(name);
        if (s == null) {
            return Optional.empty();
        }
        return Optional.of(values.computeIfAbsent(s, Supplier::get));
    }
}
