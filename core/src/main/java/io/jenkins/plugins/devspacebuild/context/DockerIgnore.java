package io.jenkins.plugins.devspacebuild.context;

import io.jenkins.plugins.devspacebuild.config.ConfigException;
import io.jenkins.plugins.devspacebuild.config.Location;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.PatternSyntaxException;

/**
 * The patterns of a .dockerignore file, read and matched as the Docker CLI does (its {@code ignorefile.ReadAll} and
 * {@code patternmatcher}): a line starting with '#' is a comment, surrounding white space is trimmed (Go's rule), '!'
 * re-includes, each pattern is cleaned like a path ({@code ./}, {@code ..}, doubled '/') and a leading '/' is dropped.
 */
public final class DockerIgnore {
    private final List<IgnorePattern> patterns;
    private final boolean exclusions;
    private final String displayName;
    private final List<String> lines;

    private DockerIgnore(List<IgnorePattern> patterns, String displayName, List<String> lines) {
        this.patterns = List.copyOf(patterns);
        this.exclusions = patterns.stream().anyMatch(IgnorePattern::isExclusion);
        this.displayName = displayName;
        this.lines = lines;
    }

    public static DockerIgnore empty() {
        return new DockerIgnore(List.of(), null, List.of());
    }

    /**
     * Parses the content of an ignore file in the Docker CLI's two steps: reading the lines ({@code ignorefile.ReadAll}:
     * comments, trimming, cleaning, '!'), then making patterns of them ({@code patternmatcher.New}: trimmed and cleaned
     * again, so {@code /!x} becomes the exception {@code !x}; patterns Docker refuses are errors).
     *
     * @param displayName the file, for errors
     */
    public static DockerIgnore parse(String content, String displayName) throws ConfigException {
        List<IgnorePattern> out = new ArrayList<>();
        String[] lines = content.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            if (i == 0 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (line.startsWith("#")) {
                continue;
            }
            // ignorefile.ReadAll
            String p = goTrim(line);
            if (p.isEmpty()) {
                continue;
            }
            boolean invert = p.charAt(0) == '!';
            if (invert) {
                p = goTrim(p.substring(1));
            }
            if (!p.isEmpty()) {
                p = cleanPath(p);
                if (p.length() > 1 && p.charAt(0) == '/') {
                    p = p.substring(1);
                }
            }
            if (invert) {
                p = "!" + p;
            }
            // patternmatcher.New
            p = cleanPath(goTrim(p));
            boolean exclusion = p.charAt(0) == '!';
            if (exclusion) {
                if (p.length() == 1) {
                    throw new ConfigException(new Location(displayName, i + 1, 1), null, "illegal exclusion pattern \"!\": "
                            + "write the path to re-include after the '!'");
                }
                p = p.substring(1);
            }
            try {
                out.add(new IgnorePattern(p, exclusion, i + 1));
            } catch (PatternSyntaxException e) {
                throw invalid(displayName, i + 1, goTrim(line), e);
            }
        }
        return new DockerIgnore(out, displayName, List.of(lines));
    }

    private static ConfigException invalid(String displayName, int line, String written, PatternSyntaxException e) {
        return new ConfigException(new Location(displayName, line, 1), null, "invalid pattern '" + written + "': "
                + e.getDescription() + "; Docker refuses it too. Separate directories with /, not \\; escape with \\ "
                + "only punctuation (\\*, \\?, \\[); close every [ ] class");
    }

    /**
     * The Docker CLI's rule that the Dockerfile and the ignore file itself are always sent: when the patterns exclude
     * them, an exception pattern is appended for each.
     *
     * @param dockerfileInContext the Dockerfile's path inside the context, or null when it lies outside
     */
    public DockerIgnore keepingBuildFiles(String dockerfileInContext) {
        List<IgnorePattern> out = new ArrayList<>(patterns);
        if (matchesLegacy(".dockerignore")) {
            out.add(new IgnorePattern(".dockerignore", true));
        }
        if (dockerfileInContext != null && matchesLegacy(dockerfileInContext)) {
            out.add(new IgnorePattern(cleanPath(dockerfileInContext), true));
        }
        return out.size() == patterns.size() ? this : new DockerIgnore(out, displayName, lines);
    }

    public boolean isEmpty() {
        return patterns.isEmpty();
    }

    boolean hasExclusions() {
        return exclusions;
    }

    List<IgnorePattern> patterns() {
        return patterns;
    }

    /** Per-pattern results for a directory, handed to its children (Docker's {@code MatchInfo}). */
    record MatchInfo(boolean[] parentMatched) {
        static final MatchInfo NONE = new MatchInfo(new boolean[0]);
    }

    /** The outcome of matching one path: excluded or not, and what its children inherit. */
    record Match(boolean excluded, MatchInfo info) {
    }

    /**
     * Docker's {@code MatchesUsingParentResults}.
     *
     * @throws ConfigException when a pattern tried here is an expression Go rejects (Docker fails then too)
     */
    Match match(String path, MatchInfo parent) throws ConfigException {
        boolean[] parentMatched = parent.parentMatched();
        boolean matched = false;
        boolean[] info = new boolean[patterns.size()];
        for (int i = 0; i < patterns.size(); i++) {
            IgnorePattern pattern = patterns.get(i);
            boolean match = parentMatched.length != 0 && parentMatched[i];
            if (!match) {
                if (pattern.isExclusion() != matched) {
                    continue;
                }
                match = tryMatch(pattern, path);
                if (!match && parentMatched.length == 0) {
                    int slash = path.lastIndexOf('/');
                    if (slash > 0) {
                        String[] dirs = path.substring(0, slash).split("/");
                        StringBuilder sb = new StringBuilder();
                        for (int k = 0; k < dirs.length && !match; k++) {
                            if (k > 0) {
                                sb.append('/');
                            }
                            sb.append(dirs[k]);
                            match = tryMatch(pattern, sb.toString());
                        }
                    }
                }
            }
            info[i] = match;
            if (match) {
                matched = !pattern.isExclusion();
            }
        }
        return new Match(matched, new MatchInfo(info));
    }

    private boolean tryMatch(IgnorePattern pattern, String path) throws ConfigException {
        try {
            return pattern.matches(path);
        } catch (PatternSyntaxException e) {
            String written = pattern.line() > 0 ? goTrim(lines.get(pattern.line() - 1)) : pattern.text();
            throw invalid(displayName, pattern.line(), written, e);
        }
    }

    /**
     * Whether {@code path} is excluded, computed from scratch (parents included).
     *
     * @throws ConfigException when a pattern tried here is an expression Go rejects (Docker fails then too)
     */
    public boolean isExcluded(String path) throws ConfigException {
        return match(path, MatchInfo.NONE).excluded();
    }

    /** Docker's deprecated {@code Matches}, which the CLI still uses for the Dockerfile and ignore-file rule. */
    private boolean matchesLegacy(String file) {
        String path = cleanPath(file);
        if (path.equals(".")) {
            return false;
        }
        boolean matched = false;
        int slash = path.lastIndexOf('/');
        String[] parentDirs = slash < 0 ? new String[] {"."} : path.substring(0, slash).split("/");
        for (IgnorePattern pattern : patterns) {
            if (pattern.isExclusion() != matched) {
                continue;
            }
            boolean match;
            try {
                match = pattern.matches(path);
                if (!match && slash >= 0 && pattern.dirCount() <= parentDirs.length) {
                    match = pattern.matches(String.join("/", java.util.Arrays.copyOf(parentDirs, pattern.dirCount())));
                }
            } catch (PatternSyntaxException e) {
                return false; // the CLI ignores the error here (and fails later, when the walk tries the pattern)
            }
            if (match) {
                matched = !pattern.isExclusion();
            }
        }
        return matched;
    }

    /** Go's {@code strings.TrimSpace}: Unicode white space (no-break spaces too, but not U+001C..U+001F). */
    static String goTrim(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isGoSpace(s.charAt(start))) {
            start++;
        }
        while (end > start && isGoSpace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    private static boolean isGoSpace(char c) {
        return switch (c) {
            case '\t', '\n', 0x0b, '\f', '\r', ' ', 0x85, 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000 -> true;
            default -> c >= 0x2000 && c <= 0x200a;
        };
    }

    /** Go's {@code filepath.Clean} for '/'-separated paths. */
    static String cleanPath(String p) {
        if (p.isEmpty()) {
            return ".";
        }
        boolean rooted = p.charAt(0) == '/';
        List<String> out = new ArrayList<>();
        for (String part : p.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (!out.isEmpty() && !out.get(out.size() - 1).equals("..")) {
                    out.remove(out.size() - 1);
                } else if (!rooted) {
                    out.add("..");
                }
                continue;
            }
            out.add(part);
        }
        String joined = String.join("/", out);
        if (rooted) {
            return "/" + joined;
        }
        return joined.isEmpty() ? "." : joined;
    }
}
