package io.jenkins.plugins.devspacebuild.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads the one builder block of an image ({@code docker}, {@code kaniko}, {@code custom}, {@code embedded}) with the
 * defaults of DevSpace for the file's config version. Both schema families use it: the older one on
 * {@code images.*.build}, v2beta1 on the image itself.
 */
final class BuilderBlockReader {
    private static final Pattern DURATION = Pattern.compile("(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?");
    /** DevSpace's kaniko builder passes {@code --snapshotMode=time} when the config names no mode (v5 and v6). */
    static final String DEFAULT_KANIKO_SNAPSHOT_MODE = "time";

    private BuilderBlockReader() {
    }

    /** The declared builder of {@code holder}, or null when it declares none. */
    static BuilderSpec read(YamlMapping holder, ImageName image) throws ConfigException {
        List<String> declared = declared(holder);
        if (declared.size() > 1) {
            throw new ConfigException(holder.location(), holder.path(), "more than one builder (" + String.join(", ", declared)
                    + "); keep one of them");
        }
        if (declared.isEmpty()) {
            holder.ignore("docker", "kaniko", "custom", "embedded", "buildKit");
            return null;
        }
        YamlMapping block = holder.mapping(declared.get(0));
        return switch (declared.get(0)) {
            case "docker" -> docker(block);
            case "kaniko" -> kaniko(block, image);
            case "custom" -> custom(block);
            case "buildKit" -> BuildKitSpec.read(block);
            default -> embedded(block);
        };
    }

    private static List<String> declared(YamlMapping m) {
        List<String> out = new ArrayList<>();
        for (String b : List.of("docker", "kaniko", "custom", "embedded", "buildKit")) {
            if (m.has(b)) {
                out.add(b);
            }
        }
        return out;
    }

    private static DockerSpec docker(YamlMapping d) throws ConfigException {
        DockerSpec spec = new DockerSpec(d.bool("disableFallback", false), d.bool("useBuildKit", false), d.bool("useCli", false),
                orEmpty(d.stringList("args", "[\"--pull\"]")), d.bool("preferMinikube", false));
        d.rejectUnknown(Set.of("skipPush", "options"));
        return spec;
    }

    private static KanikoSpec kaniko(YamlMapping k, ImageName image) throws ConfigException {
        Duration timeout = null;
        String t = k.string("timeout");
        if (t != null) {
            timeout = parseDuration(t).orElseThrow(() -> new ConfigException(k.keyLocation("timeout"), k.child("timeout"),
                    "'" + t + "' is not a duration; write e.g. 20m, 90s or 1h"));
        }
        boolean cache = k.bool("cache", true);
        String cacheRepo = k.string("cacheRepo");
        if (cache && cacheRepo == null && image != null) {
            // DevSpace: --cache-repo is the image's own normalised name unless given
            cacheRepo = image.repository();
        }
        KanikoSpec spec = new KanikoSpec(
                cache,
                cacheRepo,
                k.string("snapshotMode", DEFAULT_KANIKO_SNAPSHOT_MODE),
                k.string("image"),
                k.string("initImage"),
                orEmpty(k.stringList("args", "[\"--verbosity=info\"]")),
                orEmpty(k.stringList("command", "[\"/kaniko/executor\"]")),
                k.string("namespace"),
                k.bool("insecure", false),
                k.string("pullSecret"),
                k.bool("skipPullSecretMount", false),
                orEmpty(k.stringMap("nodeSelector")),
                plainList(k, "tolerations"),
                k.string("serviceAccount"),
                orEmpty(k.stringMap("annotations")),
                orEmpty(k.stringMap("labels")),
                orEmpty(k.stringMap("initEnv")),
                orEmpty(k.stringMap("env")),
                plainList(k, "envFrom"),
                plainList(k, "additionalMounts"),
                plainMap(k, "resources"),
                timeout);
        k.rejectUnknown(Set.of("options", "generateName"));
        return spec;
    }

    private static CustomSpec custom(YamlMapping c) throws ConfigException {
        String command = c.string("command");
        Node commands = c.node("commands");
        if (commands instanceof SequenceNode seq) {
            int i = 0;
            for (Node item : seq.getValue()) {
                YamlMapping cm = YamlMapping.of(c.child("commands") + "[" + i++ + "]", item, c.source());
                String os = cm.string("os", "");
                String cmd = cm.string("command");
                cm.rejectUnknown(Set.of());
                if (cmd != null && (os.isEmpty() || os.toLowerCase(Locale.ROOT).equals("linux") || os.equals(osName()))) {
                    command = cmd;
                }
            }
        } else if (commands != null) {
            throw new ConfigException(c.source().at(commands), c.child("commands"), "expected a list of {command, os}");
        }
        if (command == null || command.isBlank()) {
            throw new ConfigException(c.location(), c.child("command"), "is required: the command that builds the image");
        }
        CustomSpec spec = new CustomSpec(command, orEmpty(c.stringList("args", "[\"--flag\"]")), orEmpty(c.stringList("appendArgs",
                "[\"--push\"]")), c.string("imageFlag"), c.bool("imageTagOnly", false), c.bool("skipImageArg", false),
                orEmpty(c.stringList("onChange", "[\"./src/**\"]")));
        c.rejectUnknown(Set.of());
        return spec;
    }

    private static EmbeddedSpec embedded(YamlMapping e) throws ConfigException {
        EmbeddedSpec spec = new EmbeddedSpec(e.bool("insecure", false));
        e.rejectUnknown(Set.of());
        return spec;
    }

    /** This machine as DevSpace names operating systems in {@code os:}: linux, darwin, windows. */
    static String osName() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        return os.contains("mac") ? "darwin" : os.contains("win") ? "windows" : "linux";
    }

    @SuppressWarnings("unchecked")
    private static List<Object> plainList(YamlMapping m, String key) throws ConfigException {
        Object o = m.plain(key);
        if (o == null) {
            return List.of();
        }
        if (!(o instanceof List<?>)) {
            throw new ConfigException(m.keyLocation(key), m.child(key), "expected a list");
        }
        return (List<Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> plainMap(YamlMapping m, String key) throws ConfigException {
        Object o = m.plain(key);
        if (o == null) {
            return Map.of();
        }
        if (!(o instanceof Map<?, ?>)) {
            throw new ConfigException(m.keyLocation(key), m.child(key), "expected a mapping");
        }
        return (Map<String, Object>) o;
    }

    static <T> List<T> orEmpty(List<T> l) {
        return l == null ? List.of() : l;
    }

    static <K, V> Map<K, V> orEmpty(Map<K, V> m) {
        return m == null ? Map.of() : m;
    }

    static Optional<Duration> parseDuration(String s) {
        Matcher m = DURATION.matcher(s.trim());
        if (!s.isBlank() && m.matches()) {
            long h = m.group(1) == null ? 0 : Long.parseLong(m.group(1));
            long min = m.group(2) == null ? 0 : Long.parseLong(m.group(2));
            long sec = m.group(3) == null ? 0 : Long.parseLong(m.group(3));
            return Optional.of(Duration.ofSeconds(h * 3600 + min * 60 + sec));
        }
        try {
            return Optional.of(Duration.parse(s));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
