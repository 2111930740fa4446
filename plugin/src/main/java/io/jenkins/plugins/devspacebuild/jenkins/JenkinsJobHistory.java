package io.jenkins.plugins.devspacebuild.jenkins;

import hudson.model.Item;
import hudson.model.ItemGroup;
import hudson.model.Job;
import hudson.model.Run;
import io.jenkins.plugins.devspacebuild.ci.JobHistory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Optional;
import jenkins.util.VirtualFile;

/** A Jenkins job's builds as the engine's {@link JobHistory}: the cache is each build's archived artifact. */
final class JenkinsJobHistory implements JobHistory {
    private final Job<?, ?> job;
    private final Run<?, ?> newest;
    private final String artifact;

    /**
     * @param job    the job
     * @param newest the first build to look at (then its predecessors), or null for none
     * @param artifact the name of the cache artifact ({@link CacheArtifact})
     */
    private JenkinsJobHistory(Job<?, ?> job, Run<?, ?> newest, String artifact) {
        this.job = job;
        this.newest = newest;
        this.artifact = artifact;
    }

    /** The builds of {@code run}'s job before it. */
    static JenkinsJobHistory before(Run<?, ?> run, String artifact) {
        return new JenkinsJobHistory(run.getParent(), run.getPreviousBuild(), artifact);
    }

    /** All builds of another job, newest first. */
    static JenkinsJobHistory of(Job<?, ?> job, String artifact) {
        return new JenkinsJobHistory(job, job.getLastBuild(), artifact);
    }

    /**
     * A job next to {@code run}'s job (same folder or multibranch project), when it exists and the current
     * authentication may read it. A name with '/' is taken as relative path below that folder.
     */
    static Optional<JenkinsJobHistory> sibling(Run<?, ?> run, String name, String artifact) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        ItemGroup<?> group = run.getParent().getParent();
        for (String candidate : new String[] {name, name.replace("/", "%2F")}) {
            Item item;
            try {
                item = group.getItem(candidate);
            } catch (org.springframework.security.access.AccessDeniedException e) {
                continue; // visible but not readable for this build: as if it were not there
            }
            if (item instanceof Job<?, ?> j && j.hasPermission(Item.READ) && j != run.getParent()) {
                return Optional.of(of(j, artifact));
            }
        }
        return Optional.empty();
    }

    static BuildRecord record(Run<?, ?> run, String artifact) {
        return new RunRecord(run, artifact);
    }

    @Override
    public String name() {
        return job.getFullName();
    }

    @Override
    public Iterable<BuildRecord> builds() {
        return () -> new Iterator<>() {
            private Run<?, ?> next = newest;

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public BuildRecord next() {
                if (next == null) {
                    throw new NoSuchElementException();
                }
                Run<?, ?> r = next;
                next = r.getPreviousBuild();
                return new RunRecord(r, artifact);
            }
        };
    }

    private record RunRecord(Run<?, ?> run, String artifact) implements BuildRecord {
        @Override
        public String name() {
            return run.getFullDisplayName();
        }

        @Override
        public Optional<String> cacheArtifact() throws IOException {
            VirtualFile f = run.getArtifactManager().root().child(artifact);
            if (!f.isFile()) {
                return Optional.empty();
            }
            try (InputStream in = f.open()) {
                return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
    }
}
