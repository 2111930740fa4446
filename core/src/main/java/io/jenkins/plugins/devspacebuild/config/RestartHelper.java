package io.jenkins.plugins.devspacebuild.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code injectRestartHelper} / {@code injectLegacyRestartHelper}: the image's ENTRYPOINT is wrapped by a restart helper
 * script added to the image at {@link #CONTAINER_PATH}, as DevSpace does, so its dev mode can restart the process in place.
 * <p>Per config version (DevSpace's upgrade from v1beta11 to v2beta1 renames the field): in v1beta9–v1beta11
 * {@code injectRestartHelper} is the helper that starts the command at once ({@link Kind#START_AT_ONCE}); in v2beta1
 * {@code injectLegacyRestartHelper} is that one and {@code injectRestartHelper} the one that first waits for
 * {@code /.devspace/start} ({@link Kind#WAIT_FOR_START}).
 *
 * @param kind   which helper, or {@link Kind#NONE}
 * @param script the text of a {@code restartHelperPath} script, or null for devspace-build's own helper
 * @param origin where the script came from (for messages): the field, or {@code restartHelperPath} and the file
 */
public record RestartHelper(Kind kind, String script, String origin) {

    /** Where the helper lies in the image. */
    public static final String CONTAINER_PATH = "/.devspace/devspace-restart-helper";
    public static final RestartHelper NONE = new RestartHelper(Kind.NONE, null, null);

    public enum Kind { NONE, START_AT_ONCE, WAIT_FOR_START }

    public boolean enabled() {
        return kind != Kind.NONE;
    }

    /** Reads the fields of one image; {@code legacyShape} is true for v1beta9–v1beta11. */
    static RestartHelper read(YamlMapping m, boolean legacyShape, Path configDir) throws ConfigException {
        boolean inject = m.bool("injectRestartHelper", false);
        boolean legacy = m.bool("injectLegacyRestartHelper", false);
        Kind kind;
        String origin;
        if (legacyShape) {
            kind = inject || legacy ? Kind.START_AT_ONCE : Kind.NONE;
            origin = inject ? "injectRestartHelper" : "injectLegacyRestartHelper";
        } else {
            kind = inject ? Kind.WAIT_FOR_START : legacy ? Kind.START_AT_ONCE : Kind.NONE;
            origin = inject ? "injectRestartHelper" : "injectLegacyRestartHelper";
        }
        String path = m.string("restartHelperPath");
        if (kind == Kind.NONE) {
            return NONE;
        }
        if (path == null || path.isBlank()) {
            return new RestartHelper(kind, null, m.path() + "." + origin);
        }
        String p = path.trim();
        if (p.startsWith("http://") || p.startsWith("https://")) {
            throw new ConfigException(m.keyLocation("restartHelperPath"), m.path() + ".restartHelperPath", "'" + p + "' is a URL; devspace-build "
                    + "does not download build inputs: put the script in the repository and give its path");
        }
        Path file = configDir.resolve(p).normalize();
        try {
            return new RestartHelper(kind, Files.readString(file, StandardCharsets.UTF_8), m.path() + ".restartHelperPath (" + p + ")");
        } catch (IOException e) {
            throw new ConfigException(m.keyLocation("restartHelperPath"), m.path() + ".restartHelperPath", "'" + p + "' cannot be read ("
                    + e.getClass().getSimpleName() + "); give the path of the restart helper script, relative to devspace.yaml");
        }
    }
}
