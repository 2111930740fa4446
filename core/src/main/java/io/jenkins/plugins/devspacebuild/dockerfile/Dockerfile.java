package io.jenkins.plugins.devspacebuild.dockerfile;

import io.jenkins.plugins.devspacebuild.config.ConfigException;
import io.jenkins.plugins.devspacebuild.config.Location;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Dockerfile split into instructions and stages the way Docker's parser does it: parser directives
 * ({@code # escape=}), comment lines (also inside continuations), line continuations, and heredocs
 * ({@code RUN <<EOF ... EOF}) whose body lines are not instructions. Lines are 1-based.
 */
public final class Dockerfile {

    /** One instruction: its keyword in upper case, its arguments joined over continuation lines, and its line range. */
    public record Instruction(String keyword, String arguments, int startLine, int endLine) {
    }

    /**
     * A build stage.
     *
     * @param name     the {@code AS} name, or null
     * @param base     the image after FROM (flags such as --platform removed)
     * @param fromLine the line of its FROM
     * @param endLine  the last line of its last instruction
     */
    public record Stage(int index, String name, String base, int fromLine, int endLine, List<Instruction> instructions) {
        public Stage {
            instructions = List.copyOf(instructions);
        }
    }

    private static final Pattern DIRECTIVE = Pattern.compile("^#\\s*([a-zA-Z][a-zA-Z0-9]*)\\s*=\\s*(.+?)\\s*$");
    private static final Pattern HEREDOC = Pattern.compile("<<(-?)\\s*([\"']?)([a-zA-Z_][a-zA-Z0-9_]*)\\2");

    private final String displayName;
    private final String text;
    private final List<String> lines;
    private final String lineSeparator;
    private final char escape;
    private final List<Instruction> instructions;
    private final List<Stage> stages;

    private Dockerfile(String displayName, String text, List<String> lines, String lineSeparator, char escape,
                       List<Instruction> instructions, List<Stage> stages) {
        this.displayName = displayName;
        this.text = text;
        this.lines = lines;
        this.lineSeparator = lineSeparator;
        this.escape = escape;
        this.instructions = instructions;
        this.stages = stages;
    }

    public String displayName() {
        return displayName;
    }

    /** The file's text, unchanged. */
    public String text() {
        return text;
    }

    List<String> lines() {
        return lines;
    }

    String lineSeparator() {
        return lineSeparator;
    }

    public char escape() {
        return escape;
    }

    public List<Instruction> instructions() {
        return instructions;
    }

    public List<Stage> stages() {
        return stages;
    }

    /**
     * Parses a Dockerfile's text.
     *
     * @param displayName the file as shown in errors
     */
    public static Dockerfile parse(String text, String displayName) throws ConfigException {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        String sep = body.contains("\r\n") ? "\r\n" : "\n";
        List<String> lines = splitLines(body);
        char escape = '\\';

        int i = 0;
        // parser directives: only at the very top, before any other line
        while (i < lines.size()) {
            Matcher d = DIRECTIVE.matcher(lines.get(i).strip());
            if (!d.matches()) {
                break;
            }
            if (d.group(1).equalsIgnoreCase("escape")) {
                String v = d.group(2);
                if (!v.equals("\\") && !v.equals("`")) {
                    throw new ConfigException(new Location(displayName, i + 1, 1), "escape",
                            "invalid escape character '" + v + "'; use \\ or `");
                }
                escape = v.charAt(0);
            }
            i++;
        }

        List<Instruction> instructions = new ArrayList<>();
        while (i < lines.size()) {
            String line = lines.get(i);
            String stripped = line.strip();
            if (stripped.isEmpty() || stripped.startsWith("#")) {
                i++;
                continue;
            }
            int start = i;
            StringBuilder logical = new StringBuilder();
            String current = line;
            while (true) {
                String trimmedEnd = stripTrailing(current);
                if (!trimmedEnd.isEmpty() && trimmedEnd.charAt(trimmedEnd.length() - 1) == escape) {
                    logical.append(trimmedEnd, 0, trimmedEnd.length() - 1);
                    i++;
                    // continuation: skip comment lines and empty lines, as Docker does
                    while (i < lines.size() && (lines.get(i).strip().isEmpty() || lines.get(i).strip().startsWith("#"))) {
                        i++;
                    }
                    if (i >= lines.size()) {
                        i--;
                        break;
                    }
                    current = lines.get(i);
                } else {
                    logical.append(current);
                    break;
                }
            }
            String full = logical.toString().strip();
            int sp = indexOfWhitespace(full);
            String keyword = (sp < 0 ? full : full.substring(0, sp)).toUpperCase(Locale.ROOT);
            String args = sp < 0 ? "" : full.substring(sp).strip();
            int end = i;
            // heredocs: RUN/COPY/ADD bodies follow the instruction line, up to their terminator
            if (keyword.equals("RUN") || keyword.equals("COPY") || keyword.equals("ADD")) {
                Matcher h = HEREDOC.matcher(args);
                while (h.find()) {
                    boolean stripTabs = !h.group(1).isEmpty();
                    String word = h.group(3);
                    int j = end + 1;
                    while (j < lines.size()) {
                        String candidate = stripTabs ? lines.get(j).replaceFirst("^\t+", "") : lines.get(j);
                        if (candidate.equals(word)) {
                            break;
                        }
                        j++;
                    }
                    if (j >= lines.size()) {
                        throw new ConfigException(new Location(displayName, start + 1, 1), keyword,
                                "the heredoc <<" + word + " is never closed; add a line '" + word + "' after its body");
                    }
                    end = j;
                }
            }
            instructions.add(new Instruction(keyword, args, start + 1, end + 1));
            i = end + 1;
        }

        List<Stage> stages = new ArrayList<>();
        List<Instruction> current = new ArrayList<>();
        String name = null;
        String base = null;
        int fromLine = 0;
        for (Instruction ins : instructions) {
            if (ins.keyword().equals("FROM")) {
                if (base != null) {
                    stages.add(new Stage(stages.size(), name, base, fromLine, current.get(current.size() - 1).endLine(), current));
                }
                current = new ArrayList<>();
                List<String> words = new ArrayList<>();
                for (String w : ins.arguments().split("\\s+")) {
                    if (!w.isEmpty() && !w.startsWith("--")) {
                        words.add(w);
                    }
                }
                if (words.isEmpty()) {
                    throw new ConfigException(new Location(displayName, ins.startLine(), 1), "FROM", "FROM needs an image name");
                }
                base = words.get(0);
                name = words.size() >= 3 && words.get(1).equalsIgnoreCase("as") ? words.get(2) : null;
                fromLine = ins.startLine();
            } else if (base == null && !ins.keyword().equals("ARG")) {
                throw new ConfigException(new Location(displayName, ins.startLine(), 1), ins.keyword(),
                        "instruction before the first FROM; a Dockerfile must start with FROM (only ARG may come before it)");
            }
            current.add(ins);
        }
        if (base == null) {
            throw new ConfigException(new Location(displayName, 1, 1), "FROM", "the Dockerfile has no FROM instruction");
        }
        stages.add(new Stage(stages.size(), name, base, fromLine, current.get(current.size() - 1).endLine(), current));
        return new Dockerfile(displayName, text, lines, sep, escape, List.copyOf(instructions), List.copyOf(stages));
    }

    /** The stage named {@code target}, or the last stage when target is null. */
    public Stage stage(String target) throws ConfigException {
        if (target == null || target.isEmpty()) {
            return stages.get(stages.size() - 1);
        }
        for (Stage s : stages) {
            if (target.equalsIgnoreCase(s.name())) {
                return s;
            }
        }
        List<String> names = stages.stream().map(Stage::name).filter(n -> n != null).toList();
        throw new ConfigException(Location.of(displayName), "target", "stage '" + target + "' does not exist; "
                + (names.isEmpty() ? "the Dockerfile names no stage (FROM image AS name)" : "stages: " + String.join(", ", names)));
    }

    private static int indexOfWhitespace(String s) {
        for (int k = 0; k < s.length(); k++) {
            if (Character.isWhitespace(s.charAt(k))) {
                return k;
            }
        }
        return -1;
    }

    private static String stripTrailing(String s) {
        int e = s.length();
        while (e > 0 && Character.isWhitespace(s.charAt(e - 1))) {
            e--;
        }
        return s.substring(0, e);
    }

    private static List<String> splitLines(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int k = 0; k < text.length(); k++) {
            if (text.charAt(k) == '\n') {
                int end = k > start && text.charAt(k - 1) == '\r' ? k - 1 : k;
                out.add(text.substring(start, end));
                start = k + 1;
            }
        }
        if (start < text.length()) {
            out.add(text.substring(start));
        }
        return out;
    }
}
