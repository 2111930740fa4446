package io.jenkins.plugins.devspacebuild.event;

import io.jenkins.plugins.devspacebuild.cache.Decision;
import io.jenkins.plugins.devspacebuild.cache.ImageHashes;
import io.jenkins.plugins.devspacebuild.result.ImageResult;
import io.jenkins.plugins.devspacebuild.result.RunResult;

/**
 * Progress of a run, as events: the engine never prints. The CLI prints them to the terminal, the Jenkins step to
 * the build log ({@link ConsolePrinter} does both).
 */
public sealed interface BuildEvent {

    /** The image key the event is about, or null for the run as a whole. */
    String image();

    /** A message from the engine. */
    record Message(String image, Level level, String text) implements BuildEvent {
    }

    /** One line of a builder's output (daemon, kaniko pod, custom command). */
    record Output(String image, String line) implements BuildEvent {
    }

    /** The skip decision for an image. */
    record Decided(String image, Decision decision, ImageHashes hashes) implements BuildEvent {
    }

    /** An image is done: built, skipped or failed. */
    record ImageDone(ImageResult result) implements BuildEvent {
        @Override
        public String image() {
            return result.name();
        }
    }

    /** The run is done; its summary. */
    record RunDone(RunResult result) implements BuildEvent {
        @Override
        public String image() {
            return null;
        }
    }

    enum Level { INFO, WARNING }

    static BuildEvent info(String image, String text) {
        return new Message(image, Level.INFO, text);
    }

    static BuildEvent warning(String image, String text) {
        return new Message(image, Level.WARNING, text);
    }
}
