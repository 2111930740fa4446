package io.jenkins.plugins.devspacebuild.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Branch and commit of the git checkout that holds devspace.yaml, read from the {@code .git} directory itself (no
 * {@code git} process), for {@code DEVSPACE_GIT_BRANCH} and {@code DEVSPACE_GIT_COMMIT}.
 */
public final class GitInfo {
    private final Path gitDir;

    private GitInfo(Path gitDir) {
        this.gitDir = gitDir;
    }

    public static GitInfo none() {
        return new GitInfo(null);
    }

    /** Looks for {@code .git} (a directory, or a file with {@code gitdir:}) in {@code dir} and its parents. */
    public static GitInfo find(Path dir) {
        for (Path d = dir.toAbsolutePath(); d != null; d = d.getParent()) {
            Path dotGit = d.resolve(".git");
            try {
                if (Files.isDirectory(dotGit)) {
                    return new GitInfo(dotGit);
                }
                if (Files.isRegularFile(dotGit)) {
                    String s = Files.readString(dotGit, StandardCharsets.UTF_8).trim();
                    if (s.startsWith("gitdir:")) {
                        return new GitInfo(d.resolve(s.substring(7).trim()).normalize());
                    }
                }
            } catch (IOException e) {
                return none();
            }
        }
        return none();
    }

    private Optional<String> head() {
        if (gitDir == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readString(gitDir.resolve("HEAD"), StandardCharsets.UTF_8).trim());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The checked-out branch; {@code HEAD} when detached (as git prints it). */
    public Optional<String> branch() {
        return head().map(h -> h.startsWith("ref: refs/heads/") ? h.substring("ref: refs/heads/".length()) : "HEAD");
    }

    public Optional<String> commit() {
        Optional<String> head = head();
        if (head.isEmpty()) {
            return Optional.empty();
        }
        String h = head.get();
        if (!h.startsWith("ref: ")) {
            return Optional.of(h);
        }
        String ref = h.substring(5).trim();
        try {
            Path loose = gitDir.resolve(ref);
            if (Files.isRegularFile(loose)) {
                return Optional.of(Files.readString(loose, StandardCharsets.UTF_8).trim());
            }
            Path packed = gitDir.resolve("packed-refs");
            if (Files.isRegularFile(packed)) {
                List<String> lines = Files.readAllLines(packed, StandardCharsets.UTF_8);
                for (String line : lines) {
                    if (line.endsWith(" " + ref)) {
                        return Optional.of(line.substring(0, line.indexOf(' ')));
                    }
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
