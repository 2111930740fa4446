package io.jenkins.plugins.devspacebuild.cache;

import static io.jenkins.plugins.devspacebuild.testing.TestFiles.copyTree;
import static io.jenkins.plugins.devspacebuild.testing.TestFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jenkins.plugins.devspacebuild.context.ContextWalker;
import io.jenkins.plugins.devspacebuild.testing.CountingPort;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The git index vouches for clean tracked files; everything else is read. Uses the real git binary. */
class GitIndexTest {
    @TempDir
    Path tmp;
    Path repo;
    CountingPort port = new CountingPort();

    @BeforeAll
    static void gitIsInstalled() {
        boolean present;
        try {
            present = new ProcessBuilder("git", "--version").start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            present = false;
        }
        assumeTrue(present, "git is not installed");
    }

    static String git(Path dir, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("git", "-c", "user.name=t", "-c", "user.email=t@example.com", "-c", "protocol.file.allow=always",
                "-c", "init.defaultBranch=main", "-c", "core.autocrlf=false"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("git %s: %s", String.join(" ", args), out).isZero();
        return out;
    }

    @BeforeEach
    void repo() throws Exception {
        repo = tmp.resolve("repo");
        write(repo, "Dockerfile", "FROM scratch\nCOPY . /\n");
        write(repo, ".dockerignore", "*.log\n**/.git\n");
        write(repo, "src/a.txt", "a\n");
        write(repo, "src/deep/b.txt", "bbbb\n");
        write(repo, "notes.log", "noise");
        Files.createSymbolicLink(repo.resolve("link"), Path.of("src/a.txt"));
        git(repo, "init", "-q");
        git(repo, "add", "-A");
        git(repo, "commit", "-q", "-m", "one");
        Thread.sleep(20); // past the index's timestamp granule, so later edits are not racily clean
    }

    ContextHasher.Counts counts;

    /**
     * A checkout writes the files and the index within one timestamp granule here, which makes every entry racily
     * clean (correctly: git would compare their content too). Like a later {@code git status}, refresh the index after
     * the granule has passed, so it vouches for them.
     */
    static void settle(Path workTree) throws Exception {
        Thread.sleep(20);
        git(workTree, "update-index", "-q", "--refresh");
    }

    String hash(Path context) throws Exception {
        try (ContextHasher h = new ContextHasher(2, port)) {
            String hash = h.hash(ContextWalker.walk(context, context.resolve("Dockerfile"), context, port)).hash();
            counts = h.counts();
            return hash;
        }
    }

    /** The hash of a copy outside any repository: every file read. */
    String truth(Path context) throws Exception {
        Path copy = Files.createTempDirectory(tmp, "plain");
        copyTree(context, copy);
        try (Stream<Path> s = Files.walk(copy)) {
            s.filter(p -> p.getFileName().toString().equals(".git")).toList().forEach(GitIndexTest::delete);
        }
        try (ContextHasher h = new ContextHasher(2)) {
            return h.hash(ContextWalker.walk(copy, copy.resolve("Dockerfile"), copy)).hash();
        }
    }

    static void delete(Path p) {
        try (Stream<Path> s = Files.walk(p)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void cleanTrackedFilesAreNotReadAndGiveTheSameHash() throws Exception {
        assertThat(hash(repo)).isEqualTo(truth(repo));
        assertThat(port.takeReads(repo)).isEmpty();
        assertThat(counts.fromGitIndex()).isEqualTo(4);
    }

    @Test
    void theDigestIsGitsBlobId() throws Exception {
        try (ContextHasher h = new ContextHasher(1)) {
            byte[] id = h.fileDigest(repo.resolve("src/deep/b.txt"), ObjectFormat.SHA1).get();
            assertThat(HexFormat.of().formatHex(id)).isEqualTo(git(repo, "hash-object", "src/deep/b.txt").trim());
        }
    }

    @Test
    void modifiedStagedButModifiedAndUntrackedFilesAreRead() throws Exception {
        write(repo, "src/a.txt", "A\n"); // same size
        write(repo, "src/deep/b.txt", "BBBB\n");
        git(repo, "add", "src/deep/b.txt");
        Thread.sleep(20);
        write(repo, "src/deep/b.txt", "CCCC\n"); // staged, then modified again
        write(repo, "src/new.txt", "new\n");
        assertThat(hash(repo)).isEqualTo(truth(repo));
        assertThat(port.takeReads(repo)).containsExactly("src/a.txt", "src/deep/b.txt", "src/new.txt");
    }

    @Test
    void filesAnAttributeConvertsAreReadFromTheirContent() throws Exception {
        write(repo, "src/.gitattributes", "*.txt text eol=crlf\n");
        git(repo, "add", "-A");
        git(repo, "commit", "-q", "-m", "crlf");
        Files.delete(repo.resolve("src/a.txt"));
        Files.delete(repo.resolve("src/deep/b.txt"));
        git(repo, "checkout", "--", "src");
        Thread.sleep(20);
        assertThat(Files.readString(repo.resolve("src/a.txt"))).isEqualTo("a\r\n");
        // the index's blob id is of "a\n"; the context sends "a\r\n"
        assertThat(hash(repo)).isEqualTo(truth(repo));
        assertThat(port.takeReads(repo)).containsExactly("src/.gitattributes", "src/a.txt", "src/deep/b.txt");
    }

    @Test
    void aFreshCloneHashesLikeTheOriginalWithoutReadingTrackedFiles() throws Exception {
        String original = hash(repo);
        git(tmp, "clone", "-q", repo.toString(), "clone");
        Path clone = tmp.resolve("clone");
        settle(clone);
        port.takeReads(clone);
        assertThat(hash(clone)).isEqualTo(original);
        assertThat(port.takeReads(clone)).isEmpty();
    }

    @Test
    void submodulesAndContextsOutsideAnyRepositoryWork() throws Exception {
        Path sub = tmp.resolve("sub");
        write(sub, "Dockerfile", "FROM scratch\n");
        write(sub, ".dockerignore", ".git\n");
        write(sub, "lib/x.txt", "x\n");
        git(sub, "init", "-q");
        git(sub, "add", "-A");
        git(sub, "commit", "-q", "-m", "sub");
        git(repo, "submodule", "add", "-q", sub.toString(), "mod");
        git(repo, "commit", "-q", "-m", "with submodule");
        Thread.sleep(20);

        // a context inside the submodule: its own index vouches for its files
        Path inSub = repo.resolve("mod");
        settle(inSub);
        assertThat(Files.isRegularFile(inSub.resolve(".git"))).isTrue();
        assertThat(hash(inSub)).isEqualTo(truth(inSub));
        assertThat(port.takeReads(repo)).isEmpty();

        // a context holding the submodule: the superproject's index knows only the gitlink, so its files are read
        assertThat(hash(repo)).isEqualTo(truth(repo));
        assertThat(port.takeReads(repo)).containsExactly("mod/.dockerignore", "mod/Dockerfile", "mod/lib/x.txt");

        // outside any repository: everything read, same hash as in the repository
        Path plain = tmp.resolve("plain-project");
        copyTree(sub, plain);
        delete(plain.resolve(".git"));
        assertThat(hash(plain)).isEqualTo(hash(inSub));
        assertThat(port.takeReads(plain)).containsExactly(".dockerignore", "Dockerfile", "lib/x.txt");
    }

    @Test
    void indexVersionsThreeAndFourAreRead() throws Exception {
        String v2 = hash(repo);
        write(repo, "src/later.txt", "later\n");
        git(repo, "add", "-N", "src/later.txt"); // intent-to-add: an extended entry, so the index is version 3
        Thread.sleep(20);
        port.takeReads(repo);
        assertThat(hash(repo)).isEqualTo(truth(repo));
        assertThat(port.takeReads(repo)).containsExactly("src/later.txt");

        git(repo, "update-index", "--index-version", "4"); // prefix-compressed paths
        Thread.sleep(20);
        git(repo, "update-index", "-q", "--refresh");
        Files.delete(repo.resolve("src/later.txt"));
        git(repo, "rm", "-q", "--cached", "src/later.txt");
        settle(repo);
        port.takeReads(repo);
        assertThat(hash(repo)).isEqualTo(v2);
        assertThat(port.takeReads(repo)).isEmpty();
        assertThat(counts.fromGitIndex()).isEqualTo(4);
    }

    @Test
    void aSha256RepositoryUsesSha256BlobIdsFromTheIndexAndFromReading() throws Exception {
        Path r = tmp.resolve("sha256");
        write(r, "Dockerfile", "FROM scratch\n");
        write(r, ".dockerignore", ".git\n");
        write(r, "a/b.txt", "b\n");
        git(r, "init", "-q", "--object-format=sha256");
        git(r, "add", "-A");
        git(r, "commit", "-q", "-m", "one");
        settle(r);
        String fromIndex = hash(r);
        assertThat(port.takeReads(r)).isEmpty();
        try (ContextHasher h = new ContextHasher(1)) {
            byte[] id = h.fileDigest(r.resolve("a/b.txt"), ObjectFormat.SHA256).get();
            assertThat(HexFormat.of().formatHex(id)).isEqualTo(git(r, "hash-object", "a/b.txt").trim());
        }
        // the same repository copied: the copy's index stat data do not match its files, so every file is read
        Path copy = tmp.resolve("sha256-copy");
        copyTree(r, copy);
        assertThat(hash(copy)).isEqualTo(fromIndex);
        assertThat(port.takeReads(copy)).containsExactly(".dockerignore", "Dockerfile", "a/b.txt");
    }
}
