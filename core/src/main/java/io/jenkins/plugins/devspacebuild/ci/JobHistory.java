package io.jenkins.plugins.devspacebuild.ci;

import java.io.IOException;
import java.util.Optional;

/**
 * A CI job's builds, newest first, as far as the cache look-up needs them. The Jenkins plugin adapts a Jenkins job;
 * tests use plain lists.
 */
public interface JobHistory {

    /** The job's name as shown in the log ("shop/main"). */
    String name();

    /** Builds, newest first. */
    Iterable<BuildRecord> builds();

    /** One build of a job. */
    interface BuildRecord {
        /** As shown in the log ("shop/main #41"). */
        String name();

        /** The cache artifact's text, or empty when this build archived none. */
        Optional<String> cacheArtifact() throws IOException;
    }
}
