package io.jenkins.plugins.devspacebuild.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code custom} builder block: a command of the user's builds (and pushes) the image.
 *
 * @param command      the command, run by {@code sh -c}; the arguments below are passed to it as {@code "$@"}
 * @param args         arguments before the image reference(s)
 * @param appendArgs   arguments after the image reference(s)
 * @param imageFlag    a flag put before each image reference, e.g. {@code --tag}
 * @param imageTagOnly pass the tag alone instead of {@code repository:tag}
 * @param skipImageArg pass no image reference at all
 * @param onChange     globs (relative to devspace.yaml) whose files decide the skip instead of the build context
 */
public record CustomSpec(String command, List<String> args, List<String> appendArgs, String imageFlag, boolean imageTagOnly,
                         boolean skipImageArg, List<String> onChange) implements BuilderSpec {

    public CustomSpec {
        args = List.copyOf(args);
        appendArgs = List.copyOf(appendArgs);
        onChange = List.copyOf(onChange);
    }

    /**
     * The image keys whose {@code ${runtime.images.KEY.image}}/{@code .tag} appear in the command, {@code args} or
     * {@code appendArgs}: those images must be built (or skipped) before this command runs.
     */
    public java.util.Set<String> runtimeImages() {
        java.util.Set<String> keys = new java.util.LinkedHashSet<>(RuntimeVariables.referencedImages(command));
        args.forEach(a -> keys.addAll(RuntimeVariables.referencedImages(a)));
        appendArgs.forEach(a -> keys.addAll(RuntimeVariables.referencedImages(a)));
        return keys;
    }

    @Override
    public BuilderKind kind() {
        return BuilderKind.CUSTOM;
    }

    @Override
    public Map<String, Object> hashedSettings() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("command", command);
        m.put("args", args);
        m.put("appendArgs", appendArgs);
        m.put("imageFlag", imageFlag == null ? "" : imageFlag);
        m.put("imageTagOnly", imageTagOnly);
        m.put("skipImageArg", skipImageArg);
        m.put("onChange", onChange);
        return m;
    }
}
