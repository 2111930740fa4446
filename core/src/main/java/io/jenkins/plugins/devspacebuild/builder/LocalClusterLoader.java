package io.jenkins.plugins.devspacebuild.builder;

import io.jenkins.plugins.devspacebuild.config.BuilderKind;

import io.jenkins.plugins.devspacebuild.cache.CacheEntry;
import io.jenkins.plugins.devspacebuild.cluster.LocalCluster;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A daemon builder (docker, buildKit) for a {@link LocalCluster}: builds without pushing, then makes the image
 * available to the cluster: {@code kind load docker-image} or {@code k3d image import} for the built tags; nothing for
 * Docker Desktop (shared daemon) and minikube (the build already ran in its daemon). A missing tool fails the image
 * with what to do, rather than leaving a cluster that cannot pull it.
 */
public final class LocalClusterLoader implements ImageBuilder {
    private final ImageBuilder delegate;
    private final LocalCluster cluster;
    private final BuildServices services;

    public LocalClusterLoader(ImageBuilder delegate, LocalCluster cluster, BuildServices services) {
        this.delegate = delegate;
        this.cluster = cluster;
        this.services = services;
    }

    @Override
    public BuilderKind kind() {
        return delegate.kind();
    }

    @Override
    public BuildOutcome build(BuildRequest request) throws BuildFailedException, InterruptedException {
        BuildOutcome out = delegate.build(new BuildRequest(request.image(), request.input(), request.tags(), false));
        List<String> cmd = cluster.loadCommand(request.references());
        if (cmd.isEmpty()) {
            return out;
        }
        Path tool = StreamingProcess.which(cmd.get(0), services.environment());
        if (tool == null) {
            throw new BuildFailedException("the image was built, but '" + cmd.get(0) + "' is not on PATH, so it cannot be loaded into the "
                    + cluster.kind().display() + " cluster of kube context '" + cluster.context() + "'; install " + cmd.get(0)
                    + " on this agent, or build without --skip-push-local-kube to push to the registry");
        }
        List<String> full = new ArrayList<>(cmd);
        full.set(0, tool.toString());
        services.events().info(request.key(), "loading into the " + cluster.kind().display() + " cluster: " + String.join(" ", cmd));
        StreamingProcess.Result r;
        try {
            r = StreamingProcess.run(services.processes(), full, services.environment(), services.workingDirectory(), null, request.key(), services.events());
        } catch (IOException e) {
            throw new BuildFailedException(cmd.get(0) + " could not run: " + e.getMessage(), e);
        }
        if (r.exitCode() != 0) {
            String last = r.tail().isEmpty() ? "" : ": " + r.tail().get(r.tail().size() - 1);
            throw new BuildFailedException("loading the image into the " + cluster.kind().display() + " cluster failed ("
                    + String.join(" ", cmd.subList(0, Math.min(cmd.size(), 5))) + " exited with " + r.exitCode() + last + ")");
        }
        return out;
    }

    @Override
    public boolean existsLocally(CacheEntry entry) {
        return delegate.existsLocally(entry);
    }
}
