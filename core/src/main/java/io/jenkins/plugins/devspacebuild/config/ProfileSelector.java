package io.jenkins.plugins.devspacebuild.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Decides which profiles apply, in which order, as DevSpace does: the profiles whose {@code activation} matches
 * (v1beta10 and later), then the ones asked for ({@code -p}, in order), each preceded by its parents ({@code parent},
 * or {@code parents} applied first to last), each profile once.
 */
final class ProfileSelector {
    private static final int MAX_DEPTH = 50;
    private static final Set<String> COMMON_KEYS = Set.of("name", "description", "parent", "parents", "patches", "replace", "merge");

    /** Looks up a variable for {@code activation.vars}: empty string when undefined. */
    @FunctionalInterface
    interface VarLookup {
        String value(String name) throws ConfigException;
    }

    private final SourceFile source;
    private final String version;
    private final Map<String, YamlMapping> byName = new LinkedHashMap<>();

    ProfileSelector(YamlMapping doc, String version) throws ConfigException {
        this.source = doc.source();
        this.version = version;
        Node profiles = doc.node("profiles");
        if (profiles == null) {
            return;
        }
        if (!(profiles instanceof SequenceNode seq)) {
            throw new ConfigException(source.at(profiles), "profiles", "expected a list of profiles (- name: ...)");
        }
        int i = 0;
        for (Node p : seq.getValue()) {
            YamlMapping m = YamlMapping.of("profiles[" + i++ + "]", p, source);
            String name = m.string("name");
            if (name == null || name.isBlank()) {
                throw new ConfigException(m.location(), m.child("name"), "a profile needs a name");
            }
            byName.putIfAbsent(name, m);
        }
    }

    Set<String> names() {
        return byName.keySet();
    }

    /** The profiles to apply, in order of application. */
    List<YamlMapping> select(List<String> requested, Map<String, String> environment, VarLookup vars) throws ConfigException {
        List<String> order = new ArrayList<>();
        for (Map.Entry<String, YamlMapping> e : byName.entrySet()) {
            if (activated(e.getValue(), environment, vars)) {
                chain(e.getKey(), order, 0);
            }
        }
        for (String name : requested) {
            if (!byName.containsKey(name)) {
                throw unknown(name, null);
            }
            chain(name, order, 0);
        }
        List<YamlMapping> out = new ArrayList<>();
        for (String name : order) {
            out.add(checked(byName.get(name)));
        }
        return out;
    }

    /** Adds {@code name}'s parents, then {@code name}, to {@code order} (each once). */
    private void chain(String name, List<String> order, int depth) throws ConfigException {
        YamlMapping p = byName.get(name);
        if (depth > MAX_DEPTH) {
            throw new ConfigException(p.location(), p.path(), "profile '" + name + "' has more than " + MAX_DEPTH
                    + " ancestors; its parents form a cycle");
        }
        String parent = p.string("parent");
        Node parents = p.node("parents");
        if (parent != null && parents != null) {
            throw new ConfigException(p.keyLocation("parent"), p.child("parent"), "parent and parents are both given; keep one of them");
        }
        List<String> ancestors = new ArrayList<>();
        if (parent != null) {
            ancestors.add(parent);
        }
        if (parents instanceof SequenceNode seq) {
            int i = 0;
            for (Node item : seq.getValue()) {
                YamlMapping pm = YamlMapping.of(p.child("parents") + "[" + i++ + "]", item, source);
                if (pm.has("source")) {
                    throw new ConfigException(pm.keyLocation("source"), pm.child("source"), "parent profiles from another config (source) "
                            + "are not supported by devspace-build; copy the profile into this devspace.yaml");
                }
                String pn = pm.string("profile");
                pm.rejectUnknown(Set.of());
                if (pn != null && !pn.isEmpty()) {
                    ancestors.add(pn);
                }
            }
        } else if (parents != null) {
            throw new ConfigException(source.at(parents), p.child("parents"), "expected a list of {profile: NAME}");
        }
        for (String a : ancestors) {
            if (!byName.containsKey(a)) {
                throw unknown(a, p);
            }
            if (a.equals(name)) {
                throw new ConfigException(p.location(), p.path(), "profile '" + name + "' is its own parent");
            }
            chain(a, order, depth + 1);
        }
        if (!order.contains(name)) {
            order.add(name);
        }
    }

    private ConfigException unknown(String name, YamlMapping from) {
        String known = byName.isEmpty() ? "it defines no profiles" : "its profiles are: " + String.join(", ", byName.keySet());
        String msg = "no profile '" + name + "' in " + source.displayName() + "; " + known;
        return from == null ? new ConfigException(msg) : new ConfigException(from.location(), from.path(), msg);
    }

    private boolean activated(YamlMapping p, Map<String, String> environment, VarLookup vars) throws ConfigException {
        Node activation = p.node("activation");
        if (activation == null) {
            return false;
        }
        if (version.equals("v1beta9")) {
            throw new ConfigException(p.keyLocation("activation"), p.child("activation"), "activation is not part of config version "
                    + "v1beta9; set version: v1beta10 or later, or select the profile with -p");
        }
        if (!(activation instanceof SequenceNode seq)) {
            throw new ConfigException(source.at(activation), p.child("activation"), "expected a list of {env: {...}, vars: {...}}");
        }
        int i = 0;
        for (Node item : seq.getValue()) {
            YamlMapping a = YamlMapping.of(p.child("activation") + "[" + i++ + "]", item, source);
            Map<String, String> env = BuilderBlockReader.orEmpty(a.stringMap("env"));
            Map<String, String> vs = BuilderBlockReader.orEmpty(a.stringMap("vars"));
            boolean dependency = a.has("dependency");
            a.ignore("dependency");
            a.rejectUnknown(Set.of());
            if (dependency || env.isEmpty() && vs.isEmpty()) {
                continue; // dependency activations concern configs loaded as dependencies; an empty one matches nothing here
            }
            boolean all = true;
            for (Map.Entry<String, String> e : env.entrySet()) {
                all &= matches(a, "env." + e.getKey(), e.getValue(), environment.getOrDefault(e.getKey(), ""));
            }
            for (Map.Entry<String, String> e : vs.entrySet()) {
                all &= matches(a, "vars." + e.getKey(), e.getValue(), vars.value(e.getKey()));
            }
            if (all) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(YamlMapping a, String field, String regex, String value) throws ConfigException {
        try {
            return Pattern.compile("^(?:" + regex + ")$").matcher(value).matches();
        } catch (PatternSyntaxException e) {
            throw new ConfigException(a.location(), a.child(field), "'" + regex + "' is not a valid regular expression: " + e.getDescription());
        }
    }

    /** Reports keys a profile of this version does not have. */
    private YamlMapping checked(YamlMapping p) {
        boolean legacy = !version.equals("v2beta1");
        p.ignore(COMMON_KEYS.toArray(String[]::new));
        p.ignore("activation");
        if (legacy) {
            p.ignore("strategicMerge");
        }
        p.rejectUnknown(Set.of());
        return p;
    }
}
