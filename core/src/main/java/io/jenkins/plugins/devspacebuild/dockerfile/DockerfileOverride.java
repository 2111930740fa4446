package io.jenkins.plugins.devspacebuild.dockerfile;

import io.jenkins.plugins.devspacebuild.config.ConfigException;
import io.jenkins.plugins.devspacebuild.config.ImageConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * Step 2 of the process: the in-memory ENTRYPOINT/CMD override. The configured {@code appendDockerfileInstructions},
 * {@code entrypoint} and {@code cmd} are added, in that order, right after the last instruction of the target stage
 * (or of the last stage), ENTRYPOINT and CMD in JSON exec form. With a restart helper, its COPY comes after the appended
 * lines and the ENTRYPOINT is wrapped ({@link RestartHelperInjection}). The file on disk is never changed.
 */
public final class DockerfileOverride {

    private DockerfileOverride() {
    }

    /** The Dockerfile text the build uses for this image: the original text when nothing is overridden. */
    public static String apply(Dockerfile dockerfile, ImageConfig image) throws ConfigException {
        if (!image.hasDockerfileOverride()) {
            return dockerfile.text();
        }
        Dockerfile.Stage stage = dockerfile.stage(image.target());
        List<String> added = new ArrayList<>(image.appendDockerfileInstructions());
        List<String> entrypoint = image.entrypoint();
        List<String> cmd = image.cmd();
        if (image.restartHelper().enabled()) {
            RestartHelperInjection.Wrapped w = RestartHelperInjection.wrap(dockerfile, stage, image);
            added.add(RestartHelperInjection.COPY_INSTRUCTION);
            entrypoint = w.entrypoint();
            cmd = w.cmd();
        }
        if (entrypoint != null) {
            added.add("ENTRYPOINT " + execForm(entrypoint));
        }
        if (cmd != null) {
            added.add("CMD " + execForm(cmd));
        }
        return insertAfter(dockerfile, stage.endLine(), added);
    }

    static String insertAfter(Dockerfile dockerfile, int line, List<String> added) {
        List<String> lines = dockerfile.lines();
        String sep = dockerfile.lineSeparator();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (i == line - 1) {
                // an instruction ended by the end of the file may still carry a trailing escape: drop it, so the
                // added lines do not become part of it
                String t = l.stripTrailing();
                if (!t.isEmpty() && t.charAt(t.length() - 1) == dockerfile.escape() && i == lines.size() - 1) {
                    l = t.substring(0, t.length() - 1);
                }
                out.append(l).append(sep);
                for (String a : added) {
                    out.append(a).append(sep);
                }
            } else {
                out.append(l).append(sep);
            }
        }
        return out.toString();
    }

    /** A JSON array of strings, as Docker's exec form reads it. */
    public static String execForm(List<String> args) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < args.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(jsonString(args.get(i)));
        }
        return sb.append(']').toString();
    }

    static String jsonString(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
