package io.jenkins.plugins.devspacebuild.context;

import io.jenkins.plugins.devspacebuild.config.ConfigException;
import io.jenkins.plugins.devspacebuild.config.Location;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.PatternSyntaxException;

/**
 * The patterns of a .dockerignore file, read and matched as the Docker CLI does (its {@code ignorefile.ReadAll} and
 * {@code patternmatcher}): a line starting with '#' is a comment, surrounding spaces are trimmed, '!' re-includes, each
 * pattern is cleaned like a path ({@code ./}, {@code ..}, doubled '/') and a leading '/' is dropped.
 */
public final class DockerIgnore {
    private final List<IgnorePattern> patterns;
    private final boolean exclusions;

    private DockerIgnore(List<IgnorePattern> patterns) {
        this.patterns = List.copyOf(patterns);
        this.exclusions = patterns.stream().anyMatch(IgnorePattern::isExclusion);
    }

    public static DockerIgnore empty() {
        return new DockerIgnore(List.of());
    }

    /**
     * Parses the content of an ignore file.
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
            String p = line.strip();
            if (p.isEmpty()) {
                continue;
            }
            boolean invert = p.charAt(0) == '!';
            if (invert) {
                p = p.substring(1).strip();
                if (p.isEmpty()) {
                    throw new ConfigException(new Location(displayName, i + 1, 1), null, "illegal exclusion pattern \"!\": "
                            + "write the path to re-include after the '!'");
                }
            }
            p = cleanPath(p);
            if (p.length() > 1 && p.charAt(0) == '/') {
                p = p.substring(1);
            }
            try {
                out.add(new IgnorePattern(p, invert));
            } catch (PatternSyntaxException e) {
                throw new ConfigException(new Location(displayName, i + 1, 1), null, "invalid pattern '" + line.strip()
                        + "': " + e.getDescription() + "; check its [ ] brackets and \\ escapes");
            }
        }
        return new DockerIgnore(out);
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
        return out.size() == patterns.size() ? this : new DockerIgnore(out);
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

    /** Docker's {@code MatchesUsingParentResults}. */
    Match match(String path, MatchInfo parent) {
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
                match = pattern.matches(path);
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
                            match = pattern.matches(sb.toString());
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

    /** Whether {@code path} is excluded, computed from scratch (parents included). */
    public boolean isExcluded(String path) {
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
            boolean match = pattern.matches(path);
            if (!match && slash >= 0 && pattern.dirCount() <= parentDirs.length) {
                match = pattern.matches(String.join("/", java.util.Arrays.copyOf(parentDirs, pattern.dirCount())));
            }
            if (match) {
                matched = !pattern.isExclusion();
            }
        }
        return matched;
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
