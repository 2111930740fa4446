package io.jenkins.plugins.devspacebuild.builder.embedded;

import io.jenkins.plugins.devspacebuild.dockerfile.Dockerfile;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the embedded builder cannot express, judged from an instruction's text (values with variables are checked when
 * the build knows them): instructions that run commands or that jib cannot write into an image configuration, COPY
 * from other stages or images, downloads, archives ADD would extract, owners by name, other platforms.
 */
final class SupportCheck {
    static final String USE_OTHER = "; build this image with the docker or kaniko builder";
    static final Pattern OCTAL = Pattern.compile("[0-7]{1,4}");
    static final Pattern NUMERIC_OWNER = Pattern.compile("\\d+(:\\d+)?");
    private static final Pattern HEREDOC = Pattern.compile("(^|\\s)<<-?\\s*[\"']?[a-zA-Z_][a-zA-Z0-9_]*");
    private static final Set<String> COPY_FLAGS = Set.of("chown", "chmod", "link");

    private final Dockerfile dockerfile;
    private final Map<String, String> globalArgs;

    /** @param globalArgs the ARGs before the first FROM (read by the caller, for FROM --platform) */
    SupportCheck(Dockerfile dockerfile, Map<String, String> globalArgs) {
        this.dockerfile = dockerfile;
        this.globalArgs = globalArgs;
    }

    /** The first thing the instruction asks for that the embedded builder cannot do, as a message; empty when none. */
    Optional<String> problem(Dockerfile.Instruction ins) {
        String k = ins.keyword();
        String why = switch (k) {
            case "FROM", "ARG", "ENV", "LABEL", "WORKDIR", "USER", "EXPOSE", "VOLUME", "ENTRYPOINT", "CMD" -> null;
            case "COPY", "ADD" -> unsupportedCopy(ins);
            case "RUN" -> "RUN runs a command in a container, which the embedded builder does not have" + USE_OTHER;
            case "HEALTHCHECK", "ONBUILD", "STOPSIGNAL", "SHELL", "MAINTAINER" ->
                    k + " cannot be expressed by the embedded builder" + USE_OTHER;
            default -> "unknown instruction " + k;
        };
        if (why == null && k.equals("FROM")) {
            why = unsupportedFrom(ins);
        }
        return Optional.ofNullable(why).map(w -> location(dockerfile, ins) + ": " + k + ": " + w);
    }

    private String unsupportedFrom(Dockerfile.Instruction ins) {
        InstructionSyntax.Flagged f = InstructionSyntax.flags(ins.arguments());
        for (Map.Entry<String, String> flag : f.flags().entrySet()) {
            if (!flag.getKey().equals("platform")) {
                return "unknown flag --" + flag.getKey();
            }
            String p = flag.getValue();
            String expanded;
            try {
                Map<String, String> env = new LinkedHashMap<>(DockerfileInterpreter.PLATFORM_ARGS);
                env.putAll(ImageState.definedOnly(globalArgs));
                expanded = ShellWords.process(p, dockerfile.escape(), env);
            } catch (IllegalArgumentException e) {
                return e.getMessage();
            }
            if (!expanded.isEmpty() && !expanded.equals("linux/amd64")) {
                return "--platform=" + p + ": the embedded builder builds linux/amd64 images only" + USE_OTHER;
            }
        }
        return null;
    }

    private String unsupportedCopy(Dockerfile.Instruction ins) {
        String k = ins.keyword();
        InstructionSyntax.Flagged f = InstructionSyntax.flags(ins.arguments());
        for (Map.Entry<String, String> flag : f.flags().entrySet()) {
            String name = flag.getKey();
            String value = flag.getValue();
            if (name.equals("from")) {
                return k + " --from copies from another stage or image, which the embedded builder does not support" + USE_OTHER;
            }
            if (!COPY_FLAGS.contains(name)) {
                return "--" + name + " is not supported by the embedded builder" + USE_OTHER;
            }
            // a value with variables is checked when they are known
            String literal = value.contains("$") ? null : literal(value);
            if (name.equals("chown") && literal != null && !NUMERIC_OWNER.matcher(literal).matches()) {
                return "--chown=" + value + ": the embedded builder needs numeric ids (--chown=1000:1000): it does not read the image's "
                        + "/etc/passwd; use ids, or the docker or kaniko builder";
            }
            if (name.equals("chmod") && literal != null && !OCTAL.matcher(literal).matches()) {
                return "--chmod=" + value + ": the embedded builder needs an octal mode such as 0755";
            }
        }
        if (HEREDOC.matcher(f.rest()).find()) {
            return k + " with a heredoc (<<) is not supported by the embedded builder" + USE_OTHER;
        }
        if (k.equals("ADD")) {
            List<String> words = InstructionSyntax.jsonArray(f.rest()).orElseGet(() -> InstructionSyntax.whitespaceWords(f.rest()));
            for (int i = 0; i < words.size() - 1; i++) {
                String src = words.get(i);
                if (CopyPlanner.isUrl(src)) {
                    return "ADD of a URL (" + src + ") downloads it, which the embedded builder does not do; download it into the context "
                            + "and COPY it" + USE_OTHER;
                }
                if (looksLikeArchive(src)) {
                    return "ADD of " + src + " would extract the archive, which the embedded builder does not do; use COPY to copy it "
                            + "as it is" + USE_OTHER;
                }
            }
        }
        return null;
    }

    /** A flag's value with quotes removed, as its expansion would leave it. */
    private String literal(String value) {
        try {
            return ShellWords.process(value, dockerfile.escape(), Map.of());
        } catch (IllegalArgumentException e) {
            return value;
        }
    }

    private static boolean looksLikeArchive(String source) {
        String s = source.toLowerCase(Locale.ROOT);
        for (String ext : List.of(".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tbz", ".tbz2", ".tar.xz", ".txz", ".tar.zst", ".tzst")) {
            if (s.endsWith(ext)) {
                return true;
            }
        }
        return false;
    }

    /** {@code Dockerfile:7}: the file and the instruction's first line. */
    static String location(Dockerfile dockerfile, Dockerfile.Instruction ins) {
        return dockerfile.displayName() + ":" + ins.startLine();
    }
}
