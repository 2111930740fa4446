package io.jenkins.plugins.devspacebuild.docker;

import io.jenkins.plugins.devspacebuild.registry.PushFailedException;
import io.jenkins.plugins.devspacebuild.registry.RegistryAuthException;
import io.jenkins.plugins.devspacebuild.registry.RegistryCredential;
import io.jenkins.plugins.devspacebuild.registry.RegistryCredentials;
import io.jenkins.plugins.devspacebuild.registry.RegistryHosts;
import io.jenkins.plugins.devspacebuild.registry.Retry;
import io.jenkins.plugins.devspacebuild.registry.RetryPolicy;
import io.jenkins.plugins.devspacebuild.registry.TransientException;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.AuthConfig;
import com.github.dockerjava.api.model.PushResponseItem;
import io.jenkins.plugins.devspacebuild.config.ImageName;
import io.jenkins.plugins.devspacebuild.docker.DockerDaemon;
import io.jenkins.plugins.devspacebuild.event.BuildEvent;
import io.jenkins.plugins.devspacebuild.event.EventSink;
import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * Step 7 for daemon-built images: pushes every tag through the daemon with the registry's credentials (sent in the
 * API's auth header, never on a command line), retrying transient failures. The daemon reports errors inside the
 * stream, not as HTTP errors, so every item is checked.
 */
public final class DaemonPusher {
    private final DockerDaemon daemon;
    private final RegistryCredentials credentials;
    private final RetryPolicy retry;
    private final EventSink events;

    public DaemonPusher(DockerDaemon daemon, RegistryCredentials credentials, RetryPolicy retry, EventSink events) {
        this.daemon = daemon;
        this.credentials = credentials;
        this.retry = retry;
        this.events = events;
    }

    /** Pushes {@code image:tag} for every tag; returns the manifest digest. */
    public String push(String imageKey, ImageName image, List<String> tags) throws IOException, InterruptedException {
        Optional<RegistryCredential> cred = credentials.find(image.registry());
        AuthConfig auth = new AuthConfig().withRegistryAddress(RegistryHosts.authKey(image.registry()));
        cred.ifPresent(c -> auth.withUsername(c.username()).withPassword(c.password().reveal()));
        String digest = null;
        for (String tag : tags) {
            String ref = image.withTag(tag);
            events.accept(new BuildEvent.Pushing(imageKey, List.of(ref), cred.map(RegistryCredential::describe).orElse(null)));
            try {
                digest = Retry.run(retry, "push of " + ref, imageKey, events, () -> pushOnce(imageKey, image, tag, auth, cred.orElse(null)));
                events.accept(new BuildEvent.Pushed(imageKey, ref, digest));
            } catch (IOException | InterruptedException | RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IOException(e.getMessage(), e);
            }
        }
        return digest;
    }

    private String pushOnce(String imageKey, ImageName image, String tag, AuthConfig auth, RegistryCredential cred)
            throws IOException, InterruptedException {
        Callback cb = new Callback(imageKey);
        try {
            daemon.client().pushImageCmd(image.repository()).withTag(tag).withAuthConfig(auth).exec(cb);
            cb.await();
        } catch (InterruptedException e) {
            cb.close();
            throw e;
        } catch (RuntimeException e) {
            throw classify(image.registry(), describe(e), cred);
        }
        if (cb.error != null) {
            throw classify(image.registry(), cb.error, cred);
        }
        if (cb.digest == null) {
            throw new PushFailedException("the daemon reported no digest for " + image.withTag(tag) + "; the push may not have completed");
        }
        return cb.digest;
    }

    static IOException classify(String registry, String message, RegistryCredential cred) {
        String m = message.toLowerCase(Locale.ROOT);
        if (m.contains("unauthorized") || m.contains("authentication required") || m.contains("denied") || m.contains("401")
                || m.contains("no basic auth credentials")) {
            return RegistryAuthException.refused(registry, cred, message.strip());
        }
        if (m.contains("connection refused") || m.contains("connection reset") || m.contains("timeout") || m.contains("eof")
                || m.contains("unexpected http status: 5") || m.contains("502") || m.contains("503") || m.contains("504")
                || m.contains("500 internal") || m.contains("broken pipe") || m.contains("i/o timeout")) {
            return new TransientException("registry " + registry + ": " + message.strip(), null);
        }
        return new PushFailedException("push to " + registry + " failed: " + message.strip());
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    /** Collects the push stream: status lines worth showing, the digest, the first error. */
    private final class Callback implements ResultCallback<PushResponseItem> {
        private final String imageKey;
        private final CountDownLatch done = new CountDownLatch(1);
        private volatile Closeable stream;
        private volatile String digest;
        private volatile String error;

        Callback(String imageKey) {
            this.imageKey = imageKey;
        }

        @Override
        public void onStart(Closeable closeable) {
            stream = closeable;
        }

        @Override
        public void onNext(PushResponseItem item) {
            if (item.isErrorIndicated()) {
                String e = item.getErrorDetail() != null && item.getErrorDetail().getMessage() != null ? item.getErrorDetail().getMessage()
                        : item.getError();
                if (error == null) {
                    error = e;
                }
                return;
            }
            if (item.getAux() != null && item.getAux().getDigest() != null) {
                digest = item.getAux().getDigest();
            }
            String status = item.getStatus();
            if (status != null && item.getProgressDetail() == null && (status.startsWith("Pushed") || status.startsWith("Layer already exists")
                    || status.startsWith("Mounted") || status.contains("digest:"))) {
                events.output(imageKey, (item.getId() == null ? "" : item.getId() + ": ") + status);
            }
        }

        @Override
        public void onError(Throwable throwable) {
            if (error == null) {
                error = describe(throwable);
            }
            done.countDown();
        }

        @Override
        public void onComplete() {
            done.countDown();
        }

        void await() throws InterruptedException {
            done.await();
        }

        @Override
        public void close() {
            Closeable s = stream;
            if (s != null) {
                try {
                    s.close();
                } catch (IOException ignored) {
                    // closing an aborted stream
                }
            }
            done.countDown();
        }
    }
}
