package io.jenkins.plugins.devspacebuild.dockerfile;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.devspacebuild.config.ConfigException;
import io.jenkins.plugins.devspacebuild.config.ImageConfig;
import io.jenkins.plugins.devspacebuild.config.RestartHelper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The restart helper's part of the in-memory Dockerfile, with DevSpace's rules: the ENTRYPOINT becomes
 * {@code [/.devspace/devspace-restart-helper, <entrypoint>...]}, where the entrypoint is the configured one or else the
 * last ENTRYPOINT written up to the end of the target stage (shell form as {@code /bin/sh -c}); the CMD is the
 * configured one or else the last CMD after it (an ENTRYPOINT resets it); with neither ENTRYPOINT nor CMD it is an
 * error. {@code COPY /.devspace /} adds the helper, which travels in the build context as
 * {@code .devspace/.devspace/devspace-restart-helper}.
 */
public final class RestartHelperInjection {

    /** The script's path inside the build context. */
    public static final String CONTEXT_PATH = ".devspace/.devspace/devspace-restart-helper";
    /** The instruction that copies it into the image. */
    public static final String COPY_INSTRUCTION = "COPY /.devspace /";

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The wrapped entrypoint and cmd (cmd null when there is none).
     */
    public record Wrapped(List<String> entrypoint, List<String> cmd) {
    }

    private RestartHelperInjection() {
    }

    static Wrapped wrap(Dockerfile dockerfile, Dockerfile.Stage stage, ImageConfig image) throws ConfigException {
        List<String> oldEntrypoint = null;
        List<String> oldCmd = null;
        for (Dockerfile.Instruction i : dockerfile.instructions()) {
            if (i.startLine() > stage.endLine()) {
                break;
            }
            if (i.keyword().equals("ENTRYPOINT")) {
                oldEntrypoint = form(i.arguments());
                oldCmd = null;
            } else if (i.keyword().equals("CMD")) {
                oldCmd = form(i.arguments());
            }
        }
        List<String> entrypoint = image.entrypoint();
        List<String> cmd = image.cmd() == null || image.cmd().isEmpty() ? null : image.cmd();
        if (entrypoint == null || entrypoint.isEmpty()) {
            boolean hasOld = oldEntrypoint != null && !oldEntrypoint.isEmpty();
            if (!hasOld && cmd == null && (oldCmd == null || oldCmd.isEmpty())) {
                throw new ConfigException(image.location(), "images." + image.key() + "." + fieldName(image), "cannot wrap the ENTRYPOINT with "
                        + "the restart helper: neither " + dockerfile.displayName() + " (up to the end of the target stage) nor images."
                        + image.key() + " has an ENTRYPOINT or CMD. Add an ENTRYPOINT (or CMD) to the Dockerfile, set images." + image.key()
                        + ".entrypoint, or remove " + fieldName(image));
            }
            entrypoint = hasOld ? oldEntrypoint : List.of();
        }
        if (cmd == null && oldCmd != null && !oldCmd.isEmpty()) {
            cmd = oldCmd;
        }
        List<String> wrapped = new ArrayList<>();
        wrapped.add(RestartHelper.CONTAINER_PATH);
        wrapped.addAll(entrypoint);
        return new Wrapped(wrapped, cmd);
    }

    private static String fieldName(ImageConfig image) {
        String origin = image.restartHelper().origin();
        if (origin == null) {
            return "injectRestartHelper";
        }
        String field = origin.contains(".restartHelperPath") ? "restartHelperPath" : origin.substring(origin.lastIndexOf('.') + 1);
        return field.startsWith("inject") ? field : "injectRestartHelper";
    }

    /** Exec form (a JSON array of strings) or, as Docker reads anything else, shell form. */
    static List<String> form(String arguments) {
        String a = arguments.trim();
        if (a.startsWith("[")) {
            try {
                return JSON.readValue(a, new TypeReference<List<String>>() { });
            } catch (IOException notJson) {
                // Docker runs a malformed exec form as shell form
            }
        }
        return List.of("/bin/sh", "-c", a);
    }

    /** The script to add for an image: its restartHelperPath script, or devspace-build's own helper for its kind. */
    public static byte[] script(RestartHelper helper) {
        if (!helper.enabled()) {
            return null;
        }
        if (helper.script() != null) {
            return helper.script().getBytes(StandardCharsets.UTF_8);
        }
        try (InputStream in = RestartHelperInjection.class.getResourceAsStream("devspace-restart-helper.sh")) {
            if (in == null) {
                throw new IllegalStateException("devspace-restart-helper.sh is missing from the jar");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            boolean wait = helper.kind() == RestartHelper.Kind.WAIT_FOR_START;
            return text.replace("@WAIT_FOR_START@", wait ? "true" : "false").getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
