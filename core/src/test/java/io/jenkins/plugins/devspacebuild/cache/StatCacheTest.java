package io.jenkins.plugins.devspacebuild.cache;

import static io.jenkins.plugins.devspacebuild.testing.TestFiles.copyTree;
import static io.jenkins.plugins.devspacebuild.testing.TestFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.devspacebuild.context.ContextWalker;
import io.jenkins.plugins.devspacebuild.context.FileStat;
import io.jenkins.plugins.devspacebuild.context.OnChangeFiles;
import io.jenkins.plugins.devspacebuild.testing.CountingPort;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatCacheTest {
    static final long SETTLE_NS = 5_000_000_000L;

    @TempDir
    Path tmp;
    Path project;
    CountingPort port = new CountingPort();
    List<String> notes;
    ContextHasher.Counts counts;

    @BeforeEach
    void project() throws Exception {
        project = tmp.resolve("p");
        write(project, "Dockerfile", "FROM scratch\nCOPY . /\n");
        write(project, ".dockerignore", "*.log\n");
        write(project, "src/a.txt", "a");
        write(project, "src/deep/b.txt", "bbbb");
        write(project, "debug.log", "noise");
        Files.createSymbolicLink(project.resolve("link"), Path.of("src/a.txt"));
    }

    /** One run with the project's stat cache; {@code settle}: pretend the run started later, so files just written are not racy. */
    String run(Path p, CountingPort port, boolean settle) throws Exception {
        ContextHasher h = new ContextHasher(2, port, ContextHasher.nowNs() + (settle ? SETTLE_NS : 0));
        try (h) {
            String hash = h.hash(ContextWalker.walk(p, p.resolve("Dockerfile"), p, port), p.resolve(".devspace")).hash();
            notes = h.drainNotes();
            counts = h.counts();
            return hash;
        }
    }

    /** The hash with every file read (no stat cache). */
    String truth(Path p) throws Exception {
        try (ContextHasher h = new ContextHasher(2)) {
            return h.hash(ContextWalker.walk(p, p.resolve("Dockerfile"), p)).hash();
        }
    }

    @Test
    void unchangedFilesAreNotReadAgain() throws Exception {
        String first = run(project, port, true);
        assertThat(port.takeReads(project)).containsExactly(".dockerignore", "Dockerfile", "src/a.txt", "src/deep/b.txt");
        assertThat(Files.isRegularFile(project.resolve(".devspace").resolve(StatCache.FILE_NAME))).isTrue();

        String second = run(project, port, false);
        assertThat(second).isEqualTo(first).isEqualTo(truth(project));
        assertThat(port.takeReads(project)).isEmpty();
        assertThat(counts.fromStatCache()).isEqualTo(4);
        assertThat(notes).isEmpty();
    }

    /** A custom builder's onChange files carry their stat tuple too, so the stat cache vouches for them. */
    @Test
    void onChangeFilesOfACustomBuilderAreNotReadAgainWhenUnchanged() throws Exception {
        List<String> globs = List.of("./src/**");
        ContextHasher.Counts seen;
        try (ContextHasher h = new ContextHasher(2, port, ContextHasher.nowNs() + SETTLE_NS)) {
            h.hash(OnChangeFiles.collect(project, globs, project), project.resolve(".devspace"));
        }
        assertThat(port.takeReads(project)).containsExactly("src/a.txt", "src/deep/b.txt");
        try (ContextHasher h = new ContextHasher(2, port, ContextHasher.nowNs())) {
            h.hash(OnChangeFiles.collect(project, globs, project), project.resolve(".devspace"));
            seen = h.counts();
        }
        assertThat(port.takeReads(project)).isEmpty();
        assertThat(seen.fromStatCache()).isEqualTo(2);
    }

    @Test
    void everyKindOfChangeIsSeenAndGivesTheHashOfReadingEverything() throws Exception {
        run(project, port, true);
        port.takeReads(project);

        write(project, "src/deep/b.txt", "BBBB"); // same size
        assertThat(run(project, port, true)).isEqualTo(truth(project));
        assertThat(port.takeReads(project)).containsExactly("src/deep/b.txt");

        Files.setPosixFilePermissions(project.resolve("src/a.txt"), PosixFilePermissions.fromString("rwxr-xr-x"));
        String executable = run(project, port, true);
        assertThat(executable).isEqualTo(truth(project));
        assertThat(port.takeReads(project)).containsExactly("src/a.txt");

        Files.move(project.resolve("src/a.txt"), project.resolve("src/renamed.txt"));
        String renamed = run(project, port, true);
        assertThat(renamed).isEqualTo(truth(project)).isNotEqualTo(executable);

        Files.delete(project.resolve("link"));
        Files.createSymbolicLink(project.resolve("link"), Path.of("src/deep/b.txt"));
        String relinked = run(project, port, true);
        assertThat(relinked).isEqualTo(truth(project)).isNotEqualTo(renamed);

        Files.delete(project.resolve("src/deep/b.txt"));
        String deleted = run(project, port, true);
        assertThat(deleted).isEqualTo(truth(project)).isNotEqualTo(relinked);

        port.takeReads(project);
        write(project, "src/new.txt", "n");
        String added = run(project, port, true);
        assertThat(added).isEqualTo(truth(project)).isNotEqualTo(deleted);
        assertThat(port.takeReads(project)).containsExactly("src/new.txt");
    }

    @Test
    void aSameSizeChangeInTheSameSecondOnAFileSystemWithSecondTimestampsIsSeen() throws Exception {
        CountingPort coarse = new CountingPort(true);
        // start at the beginning of a second, so the writes and both runs fall in the same second
        Thread.sleep(1000 - System.currentTimeMillis() % 1000 + 20);
        write(project, "src/a.txt", "1");
        String first = run(project, coarse, false);
        write(project, "src/a.txt", "2"); // same size; in-place, same inode
        String second = run(project, coarse, false);
        assertThat(System.currentTimeMillis() % 1000).as("the test ran within one second").isLessThan(900);
        assertThat(second).isNotEqualTo(first).isEqualTo(truth(project));
        assertThat(coarse.takeReads(project)).contains("src/a.txt", "src/a.txt");
    }

    @Test
    void racyEntriesAreThoseChangedWithinTheMarginBeforeTheRecordingRunStarted() {
        long start = 1_700_000_000_000_000_000L;
        FileStat old = new FileStat(0100644, 1, start - 3_000_000_000L, start - 3_000_000_000L, 7, 1);
        FileStat sameSecond = new FileStat(0100644, 1, start - 3_000_000_000L, start - 500_000_000L, 7, 1);
        FileStat later = new FileStat(0100644, 1, start + 1, start + 1, 7, 1);
        assertThat(StatCache.racy(old, start)).isFalse();
        assertThat(StatCache.racy(sameSecond, start)).isTrue();
        assertThat(StatCache.racy(later, start)).isTrue();
    }

    @Test
    void aCorruptOrForeignStatCacheIsIgnoredWithANote() throws Exception {
        String first = run(project, port, true);
        Path file = project.resolve(".devspace").resolve(StatCache.FILE_NAME);
        byte[] good = Files.readAllBytes(file);
        byte[] bad = good.clone();
        bad[bad.length / 2] ^= 1;
        Files.write(file, bad);
        port.takeReads(project);
        assertThat(run(project, port, true)).isEqualTo(first);
        assertThat(notes).singleElement().satisfies(n -> assertThat(n).contains("is corrupt").contains("ignored"));
        assertThat(port.takeReads(project)).hasSize(4);

        Files.writeString(file, "something else");
        assertThat(run(project, port, true)).isEqualTo(first);
        assertThat(notes).singleElement().satisfies(n -> assertThat(n).contains("is not a stat cache"));

        Path copy = tmp.resolve("copy");
        copyTree(project, copy);
        port.takeReads(copy);
        assertThat(run(copy, port, true)).isEqualTo(first);
        assertThat(notes).singleElement().satisfies(n -> assertThat(n).contains("belongs to " + project));
        assertThat(port.takeReads(copy)).hasSize(4);
    }

    @Test
    void racyEntriesOfContextsNotWalkedAreNotCarriedIntoALaterStatCache() throws Exception {
        Path dir = tmp.resolve("state");
        Path other = tmp.resolve("other");
        long start = ContextHasher.nowNs();
        FileStat recent = new FileStat(0100644, 1, start - 1_000_000_000L, start - 1_000_000_000L, 7, 1);
        FileStat settled = new FileStat(0100644, 1, start - 9_000_000_000L, start - 9_000_000_000L, 8, 1);
        StatCache first = StatCache.load(dir, start);
        String prefix = first.keyPrefix(other);
        first.record(prefix + "recent.txt", recent, new byte[20]);
        first.record(prefix + "settled.txt", settled, new byte[20]);
        first.write();

        // a later run walks nothing of "other" and writes (it changed something elsewhere)
        StatCache second = StatCache.load(dir, start + 60_000_000_000L);
        second.record(second.keyPrefix(tmp.resolve("elsewhere")) + "x.txt", settled, new byte[20]);
        second.write();

        StatCache third = StatCache.load(dir, start + 120_000_000_000L);
        assertThat(third.lookup(prefix + "settled.txt", settled, ObjectFormat.SHA1)).isNotNull();
        assertThat(third.lookup(prefix + "recent.txt", recent, ObjectFormat.SHA1)).isNull();
    }
}
