package io.jenkins.plugins.devspacebuild.engine;

import io.jenkins.plugins.devspacebuild.config.BuilderKind;

import io.jenkins.plugins.devspacebuild.cache.CacheEntry;
import io.jenkins.plugins.devspacebuild.cache.Decision;
import io.jenkins.plugins.devspacebuild.config.ImageName;
import io.jenkins.plugins.devspacebuild.event.BuildEvent;
import io.jenkins.plugins.devspacebuild.event.EventSink;
import io.jenkins.plugins.devspacebuild.registry.RegistryClient;
import java.io.IOException;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The second half of the plan stage: makes a skip safe (DevSpace skipped images that were gone, and deployments failed
 * with ImagePullBackOff). Before an image is skipped, its cached tag must still exist where it will be used: the
 * registry when pushing (same digest), else the local store of the builder that made it. If not, the decision becomes
 * a build with reason "image missing". Only then is the decision announced, so it is final.
 */
final class SkipVerifier {
    private final RegistryClient registry;
    private final Predicate<CacheEntry> existsLocally;
    private final EventSink events;

    /** @param existsLocally whether a cached image built without push is still in its builder's local store */
    SkipVerifier(RegistryClient registry, Predicate<CacheEntry> existsLocally, EventSink events) {
        this.registry = registry;
        this.existsLocally = existsLocally;
        this.events = events;
    }

    ImagePlan verify(ImagePlan plan, boolean push) throws IOException, InterruptedException {
        if (!(plan.decision() instanceof Decision.Skip skip)) {
            return plan;
        }
        long start = System.nanoTime();
        CacheEntry entry = skip.previous();
        String ref = entry.image() + ":" + entry.tags().get(0);
        String missing = null;
        String where;
        if (push) {
            where = "the registry (" + entry.digest() + ")";
            if (entry.digest() == null) {
                missing = ref + " was not pushed by its last build";
            } else {
                ImageName name = plan.image().image();
                Optional<String> now = registry.manifestDigest(name, entry.tags().get(0), plan.key());
                if (now.isEmpty()) {
                    missing = ref + " is not in the registry";
                } else if (!now.get().equals(entry.digest())) {
                    missing = ref + " now points to another image (" + now.get() + ")";
                }
            }
        } else if (BuilderKind.named(entry.builder()).orElse(null) == BuilderKind.CUSTOM) {
            // a custom command keeps no image of its own that could be checked: the skip stands as decided
            return plan.redecided(skip, 0);
        } else {
            where = "the local image store";
            if (!existsLocally.test(entry)) {
                missing = ref + " is not in the local image store";
            }
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        if (missing == null) {
            events.accept(new BuildEvent.SkipVerified(plan.key(), ref, where));
            return plan.redecided(skip, ms);
        }
        return plan.redecided(new Decision.Build(Decision.Reason.IMAGE_MISSING, missing), ms);
    }
}
