package io.jenkins.plugins.devspacebuild.engine;

import io.jenkins.plugins.devspacebuild.builder.BuildInput;
import io.jenkins.plugins.devspacebuild.cache.BuildCache;
import io.jenkins.plugins.devspacebuild.cache.CacheEntry;
import io.jenkins.plugins.devspacebuild.cache.ConfigHasher;
import io.jenkins.plugins.devspacebuild.cache.ContextDigest;
import io.jenkins.plugins.devspacebuild.cache.ContextHasher;
import io.jenkins.plugins.devspacebuild.cache.Decision;
import io.jenkins.plugins.devspacebuild.cache.ImageHashes;
import io.jenkins.plugins.devspacebuild.cache.SkipDecider;
import io.jenkins.plugins.devspacebuild.config.BuilderKind;
import io.jenkins.plugins.devspacebuild.config.ConfigException;
import io.jenkins.plugins.devspacebuild.config.ImageConfig;
import io.jenkins.plugins.devspacebuild.config.ProjectConfig;
import io.jenkins.plugins.devspacebuild.context.BuildContext;
import io.jenkins.plugins.devspacebuild.context.ContextWalker;
import io.jenkins.plugins.devspacebuild.context.OnChangeFiles;
import io.jenkins.plugins.devspacebuild.dockerfile.Dockerfile;
import io.jenkins.plugins.devspacebuild.dockerfile.DockerfileOverride;
import io.jenkins.plugins.devspacebuild.dockerfile.RestartHelperInjection;
import io.jenkins.plugins.devspacebuild.event.EventSink;
import java.io.IOException;
import java.nio.file.Files;
import io.jenkins.plugins.devspacebuild.util.BoundedFiles;
import java.util.Optional;

/**
 * The first half of the plan stage for one image: load the Dockerfile, apply the override, load the context, hash, and
 * decide against the cache. The decision is not announced here: {@link SkipVerifier} checks skips first.
 */
final class ImagePlanner {
    private final ProjectConfig project;
    private final ContextHasher hasher;
    private final EventSink events;

    ImagePlanner(ProjectConfig project, ContextHasher hasher, EventSink events) {
        this.project = project;
        this.hasher = hasher;
        this.events = events;
    }

    ImagePlan plan(ImageConfig image, BuildCache cache, boolean force) throws ConfigException, IOException, InterruptedException {
        long start = System.nanoTime();
        String onDisk = readDockerfile(image);
        UpfrontChecks.check(image, onDisk, project.display(image.dockerfile()));
        String dockerfileText = override(image, onDisk);
        BuildContext context = loadContext(image);
        context.warnings().forEach(w -> events.warning(image.key(), w));
        ContextDigest digest = hasher.hash(context, project.configFile().toAbsolutePath().getParent().resolve(".devspace"));
        hasher.drainNotes().forEach(n -> events.info(image.key(), n));
        ImageHashes hashes = new ImageHashes(ContextHasher.sha256Hex(dockerfileText), digest.hash(), ConfigHasher.hash(image));
        Optional<CacheEntry> previous = cache.get(image.key());
        Decision decision = SkipDecider.decide(hashes, digest.directories(), previous, cache.olderFormat(), image.rebuildStrategy(), force);
        return new ImagePlan(image, new BuildInput(dockerfileText, context, digest, onDisk)
                .withRestartHelper(RestartHelperInjection.script(image.restartHelper())), hashes, previous, decision, null,
                (System.nanoTime() - start) / 1_000_000);
    }

    /** Step 1: the Dockerfile as it is on disk ("" for a custom builder without one). */
    private String readDockerfile(ImageConfig image) throws ConfigException {
        String shown = project.display(image.dockerfile());
        if (!Files.exists(image.dockerfile())) {
            if (image.builder().kind() == BuilderKind.CUSTOM) {
                return "";
            }
            throw new ConfigException(shown + ": the Dockerfile of image " + image.key() + " does not exist");
        }
        String text;
        try {
            text = BoundedFiles.readString(image.dockerfile(), BoundedFiles.CONFIG_LIMIT, "the Dockerfile of image " + image.key() + ",");
        } catch (BoundedFiles.UnreadableFileException e) {
            throw new ConfigException(e.getMessage());
        } catch (IOException e) {
            throw new ConfigException(shown + ": cannot be read (" + e.getMessage() + ")");
        }
        return text;
    }

    /** Step 2: the in-memory ENTRYPOINT/CMD override; the text itself when none is configured. */
    private String override(ImageConfig image, String text) throws ConfigException {
        if (!image.hasDockerfileOverride()) {
            return text;
        }
        return DockerfileOverride.apply(Dockerfile.parse(text, project.display(image.dockerfile())), image);
    }

    /** Step 3: the build context, or for a custom builder with onChange the files it names. */
    private BuildContext loadContext(ImageConfig image) throws ConfigException {
        if (!image.builder().onChange().isEmpty()) {
            return OnChangeFiles.collect(project.configFile().getParent(), image.builder().onChange(), project.projectRoot());
        }
        return ContextWalker.walk(image.context(), image.dockerfile(), project.projectRoot());
    }
}
