package io.jenkins.plugins.devspacebuild.builder;

import io.jenkins.plugins.devspacebuild.event.BuildEvent;
import io.jenkins.plugins.devspacebuild.config.BuilderKind;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.BuildImageCmd;
import com.github.dockerjava.api.model.AuthConfig;
import com.github.dockerjava.api.model.AuthConfigurations;
import com.github.dockerjava.api.model.BuildResponseItem;
import io.jenkins.plugins.devspacebuild.cache.CacheEntry;
import io.jenkins.plugins.devspacebuild.config.ImageConfig;
import io.jenkins.plugins.devspacebuild.docker.DaemonUnreachableException;
import io.jenkins.plugins.devspacebuild.docker.DockerDaemon;
import io.jenkins.plugins.devspacebuild.docker.DaemonPusher;
import io.jenkins.plugins.devspacebuild.registry.RegistryAuthException;
import io.jenkins.plugins.devspacebuild.registry.RegistryHosts;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Builds with the Docker daemon through its API (docker-java). The engine's own tar stream is sent, written on a
 * separate thread while the daemon reads it; the daemon's output is streamed line by line. Only the credentials of
 * the registries the Dockerfile's FROM lines name are sent with the build.
 */
public final class DockerBuilder implements ImageBuilder {
    private final DockerDaemon daemon;
    private final BuildServices services;

    public DockerBuilder(DockerDaemon daemon, BuildServices services) {
        this.daemon = daemon;
        this.services = services;
    }

    @Override
    public BuilderKind kind() {
        return BuilderKind.DOCKER;
    }

    @Override
    public BuildOutcome build(BuildRequest request) throws BuildFailedException, InterruptedException {
        String key = request.key();
        services.events().accept(new BuildEvent.Building(key, name(), "the Docker daemon at " + daemon.host()));
        String imageId = buildImage(request);
        return pushIfAsked(daemon, services, request, imageId, name());
    }

    /** Pushes the tags of a daemon-built image when the request asks for it. Shared with the CLI builder. */
    static BuildOutcome pushIfAsked(DockerDaemon daemon, BuildServices services, BuildRequest request, String imageId, String builder)
            throws BuildFailedException, InterruptedException {
        if (!request.push()) {
            return new BuildOutcome(builder, null, imageId);
        }
        try {
            String digest = new DaemonPusher(daemon, services.credentials(), services.retry(), services.events())
                    .push(request.key(), request.image().image(), request.tags());
            return new BuildOutcome(builder, digest, imageId);
        } catch (RegistryAuthException e) {
            throw new BuildFailedException(e.getMessage(), e);
        } catch (IOException e) {
            throw new BuildFailedException("push failed: " + e.getMessage(), e);
        }
    }

    private String buildImage(BuildRequest request) throws BuildFailedException, InterruptedException {
        ImageConfig image = request.image();
        String key = request.key();
        ChunkPipe pipe = new ChunkPipe();
        InputStream in = pipe.in;
        AtomicReference<IOException> producerError = new AtomicReference<>();
        Thread producer = new Thread(() -> {
            try {
                request.input().writeTar(pipe.out);
                pipe.out.close();
            } catch (IOException e) {
                producerError.set(e);
                pipe.fail(e);
            }
        }, "devspace-build-context-" + key);
        producer.setDaemon(true);

        Output cb = new Output(key);
        BuildImageCmd cmd = daemon.client().buildImageCmd()
                .withTarInputStream(in)
                .withDockerfilePath(request.input().dockerfileName())
                .withTags(new LinkedHashSet<>(request.references()))
                .withPull(false)
                .withRemove(true)
                .withForcerm(true)
                .withBuildAuthConfigs(baseImageAuth(request));
        image.buildArgs().forEach(cmd::withBuildArg);
        if (image.target() != null) {
            cmd.withTarget(image.target());
        }
        if (image.network() != null) {
            cmd.withNetworkMode(image.network());
        }
        producer.start();
        try {
            cmd.exec(cb);
            cb.await();
        } catch (InterruptedException e) {
            cb.cancel();
            producer.interrupt();
            throw e;
        } catch (RuntimeException e) {
            producer.interrupt();
            throw failure(cb, producerError.get(), daemonGoneOr(rootMessage(e)));
        } finally {
            try {
                in.close();
            } catch (IOException ignored) {
                // the pipe's reader end never fails to close
            }
        }
        if (Thread.currentThread().isInterrupted()) {
            cb.cancel();
            throw new InterruptedException("build of " + key + " cancelled");
        }
        if (cb.error != null || cb.imageId == null) {
            // a transport error reaches the callback (onError), not exec(): it too may mean dockerd went away
            String said = cb.error == null ? "the daemon reported no image id" : cb.transportFailed ? daemonGoneOr(cb.error) : cb.error;
            throw failure(cb, producerError.get(), said);
        }
        return daemon.imageId(request.references().get(0)).orElse(cb.imageId);
    }

    /**
     * A transport error ("Premature end of chunk coded message body", "Connection reset") usually means dockerd went
     * away mid-build: say so when it no longer answers.
     */
    private String daemonGoneOr(String said) {
        try {
            daemon.ping();
            return said;
        } catch (DaemonUnreachableException e) {
            return "the Docker daemon at " + daemon.host() + " went away during the build (" + said + "); check that dockerd is running "
                    + "(for example systemctl status docker) and run again: images that built are cached";
        }
    }

    private static BuildFailedException failure(Output cb, IOException producerError, String daemonSaid) {
        if (producerError != null) {
            return new BuildFailedException("sending the build context failed: " + producerError.getMessage(), producerError);
        }
        String step = cb.lastStep == null ? "" : " at " + cb.lastStep;
        return new BuildFailedException("docker build failed" + step + ": " + daemonSaid.strip());
    }

    /** Credentials for the registries of the FROM images, so private base images can be pulled. */
    private AuthConfigurations baseImageAuth(BuildRequest request) throws BuildFailedException {
        AuthConfigurations auths = new AuthConfigurations();
        BaseImageCredentials.of(request.input().dockerfileText(), services.credentials()).forEach((registry, cred) ->
                auths.addConfig(new AuthConfig().withRegistryAddress(RegistryHosts.authKey(registry))
                        .withUsername(cred.username()).withPassword(cred.password().reveal())));
        return auths;
    }

    @Override
    public boolean existsLocally(CacheEntry entry) {
        return heldBy(daemon, entry);
    }

    /** Whether the daemon still holds the cached image (its first tag, and the same image id when one was recorded). */
    static boolean heldBy(DockerDaemon daemon, CacheEntry entry) {
        if (entry.tags().isEmpty()) {
            return false;
        }
        return daemon.holds(entry.image() + ":" + entry.tags().get(0), entry.imageId());
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = root.getMessage();
        if (m == null || m.isBlank()) {
            m = e.getMessage();
        }
        return m == null ? root.getClass().getSimpleName() : m;
    }

    /** Streams the daemon's output as lines, remembers the current step, the image id and the first error. */
    private final class Output implements ResultCallback<BuildResponseItem> {
        private final String key;
        private final CountDownLatch done = new CountDownLatch(1);
        private final StringBuilder partial = new StringBuilder();
        private volatile Closeable stream;
        private volatile boolean cancelled;
        volatile String lastStep;
        volatile String imageId;
        volatile String error;
        volatile boolean transportFailed;

        Output(String key) {
            this.key = key;
        }

        @Override
        public void onStart(Closeable closeable) {
            stream = closeable;
            if (cancelled) {
                closeQuietly();
            }
        }

        @Override
        public void onNext(BuildResponseItem item) {
            if (item.getStream() != null) {
                text(item.getStream());
            }
            if (item.isErrorIndicated()) {
                flush();
                String e = item.getErrorDetail() != null && item.getErrorDetail().getMessage() != null ? item.getErrorDetail().getMessage()
                        : item.getError();
                if (error == null) {
                    error = e;
                }
                services.events().output(key, "ERROR: " + e.strip());
            }
            String id = item.getImageId();
            if (id != null) {
                imageId = id;
            }
        }

        private synchronized void text(String s) {
            partial.append(s);
            int nl;
            while ((nl = partial.indexOf("\n")) >= 0) {
                emit(partial.substring(0, nl));
                partial.delete(0, nl + 1);
            }
        }

        private synchronized void flush() {
            if (partial.length() > 0) {
                emit(partial.toString());
                partial.setLength(0);
            }
        }

        private void emit(String line) {
            String l = line.stripTrailing();
            if (l.startsWith("Step ")) {
                lastStep = l.length() > 160 ? l.substring(0, 157) + "..." : l;
            }
            services.events().output(key, l);
        }

        @Override
        public void onError(Throwable throwable) {
            flush();
            if (error == null) {
                error = rootMessage(throwable);
                transportFailed = true;
            }
            done.countDown();
        }

        @Override
        public void onComplete() {
            flush();
            done.countDown();
        }

        void await() throws InterruptedException {
            done.await();
        }

        void cancel() {
            cancelled = true;
            closeQuietly();
            done.countDown();
        }

        private void closeQuietly() {
            Closeable s = stream;
            if (s != null) {
                try {
                    s.close();
                } catch (IOException ignored) {
                    // aborting
                }
            }
        }

        @Override
        public void close() {
            cancel();
        }
    }
}
