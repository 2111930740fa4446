package io.jenkins.plugins.devspacebuild.engine;

import io.jenkins.plugins.devspacebuild.builder.BuilderSelector;
import io.jenkins.plugins.devspacebuild.cache.CacheEntry;
import io.jenkins.plugins.devspacebuild.cache.Decision;
import io.jenkins.plugins.devspacebuild.config.ImageName;
import io.jenkins.plugins.devspacebuild.event.BuildEvent;
import io.jenkins.plugins.devspacebuild.event.EventSink;
import io.jenkins.plugins.devspacebuild.registry.RegistryClient;
import java.io.IOException;
import java.util.Optional;

/**
 * Makes a skip safe (DevSpace skipped images that were gone, and deployments failed with ImagePullBackOff): before an
 * image is skipped, its cached tag must still exist where it will be used, the registry when pushing (same digest),
 * else the builder's local store. If not, the image is built with reason "image missing".
 */
final class SkipVerifier {
    private final RegistryClient registry;
    private final BuilderSelector builders;
    private final EventSink events;

    SkipVerifier(RegistryClient registry, BuilderSelector builders, EventSink events) {
        this.registry = registry;
        this.builders = builders;
        this.events = events;
    }

    ImagePlan verify(ImagePlan plan, boolean push) throws IOException, InterruptedException {
        if (!(plan.decision() instanceof Decision.Skip skip)) {
            return plan;
        }
        CacheEntry entry = skip.previous();
        String ref = entry.image() + ":" + entry.tags().get(0);
        String missing = null;
        if (push) {
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
        } else if (!builders.existsLocally(entry)) {
            missing = ref + " is not in the local image store";
        }
        if (missing == null) {
            return plan;
        }
        Decision d = new Decision.Build(Decision.Reason.IMAGE_MISSING, missing);
        events.accept(new BuildEvent.Decided(plan.key(), d, plan.hashes()));
        return plan.withDecision(d);
    }
}
