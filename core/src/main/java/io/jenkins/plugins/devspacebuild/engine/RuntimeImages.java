package io.jenkins.plugins.devspacebuild.engine;

import io.jenkins.plugins.devspacebuild.builder.BuildFailedException;
import io.jenkins.plugins.devspacebuild.cache.BuildCache;
import io.jenkins.plugins.devspacebuild.config.ConfigException;
import io.jenkins.plugins.devspacebuild.config.CustomSpec;
import io.jenkins.plugins.devspacebuild.config.ImageConfig;
import io.jenkins.plugins.devspacebuild.config.RuntimeVariables.RuntimeImage;
import io.jenkins.plugins.devspacebuild.result.ImageResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * DevSpace's runtime variables {@code ${runtime.images.KEY.image}} and {@code .tag} during a run: what each image is
 * known as once it is built or skipped. As in DevSpace, an image a custom command refers to is built first:
 * {@link #order} puts it earlier in the schedule (the {@link Scheduler} starts images in list order, so the image
 * waited for is always started), and {@link #await} makes the command wait for its result.
 *
 * <p>An image of the run that failed leaves its variables without a value: the command that refers to it fails with
 * that reason. An image outside the run (not selected, or disabled) is known by its cache entry, as DevSpace reads
 * the tag of an image it does not build from its cache; without one the command fails naming the variable.
 */
final class RuntimeImages {
    private final Map<String, CompletableFuture<ImageResult>> inRun = new LinkedHashMap<>();
    private final BuildCache cache;

    RuntimeImages(List<ImagePlan> plans, BuildCache cache) {
        plans.forEach(p -> inRun.put(p.key(), new CompletableFuture<>()));
        this.cache = cache;
    }

    /** The images a custom command of {@code image} refers to (none for the other builders). */
    static Set<String> referenced(ImageConfig image) {
        return image.builder() instanceof CustomSpec c ? c.runtimeImages() : Set.of();
    }

    /**
     * The plans with every image after the images of the run it refers to, otherwise in their order.
     *
     * @throws ConfigException when images refer to each other (no order can build them)
     */
    static List<ImagePlan> order(List<ImagePlan> plans) throws ConfigException {
        Map<String, ImagePlan> byKey = new LinkedHashMap<>();
        plans.forEach(p -> byKey.put(p.key(), p));
        List<ImagePlan> out = new ArrayList<>();
        Set<String> done = new LinkedHashSet<>();
        for (ImagePlan p : plans) {
            visit(p, byKey, done, new ArrayList<>(), out);
        }
        return out;
    }

    private static void visit(ImagePlan p, Map<String, ImagePlan> byKey, Set<String> done, List<String> path, List<ImagePlan> out)
            throws ConfigException {
        if (done.contains(p.key())) {
            return;
        }
        if (path.contains(p.key())) {
            List<String> cycle = new ArrayList<>(path.subList(path.indexOf(p.key()), path.size()));
            cycle.add(p.key());
            throw new ConfigException("images." + p.key() + ".custom: its runtime variables form a cycle (" + String.join(" -> ", cycle)
                    + "): each image needs the other's tag before it is built; remove one of the ${runtime.images...} references");
        }
        path.add(p.key());
        for (String dep : referenced(p.image())) {
            ImagePlan d = byKey.get(dep);
            if (d != null) {
                visit(d, byKey, done, path, out);
            }
        }
        path.remove(path.size() - 1);
        done.add(p.key());
        out.add(p);
    }

    /** Records an image's result (built, skipped, failed or cancelled): the images waiting for it go on. */
    void finished(ImageResult result) {
        CompletableFuture<ImageResult> f = inRun.get(result.name());
        if (f != null) {
            f.complete(result);
        }
    }

    /**
     * Waits until every image of the run that {@code image} refers to has its result.
     *
     * @throws BuildFailedException when one of them failed, naming it and why
     */
    void await(ImageConfig image) throws BuildFailedException, InterruptedException {
        for (String key : referenced(image)) {
            CompletableFuture<ImageResult> f = inRun.get(key);
            if (f == null || key.equals(image.key())) {
                continue;
            }
            ImageResult r;
            try {
                r = f.get();
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
            if (r.failed() || r.tags().isEmpty()) {
                throw new BuildFailedException("image '" + key + "' failed (" + r.reason() + "), so ${runtime.images." + key
                        + ".image}/.tag in the custom command of " + image.key() + " has no value");
            }
        }
    }

    /** What {@code key} is known as now: its result in this run, else its cache entry; empty when neither has a tag. */
    Optional<RuntimeImage> get(String key) {
        CompletableFuture<ImageResult> f = inRun.get(key);
        if (f != null) {
            ImageResult r = f.getNow(null);
            return r == null || r.failed() || r.tags().isEmpty() ? Optional.empty() : Optional.of(new RuntimeImage(r.repository(), r.tags().get(0)));
        }
        return cache.get(key).filter(e -> !e.tags().isEmpty()).map(e -> new RuntimeImage(e.image(), e.tags().get(0)));
    }
}
