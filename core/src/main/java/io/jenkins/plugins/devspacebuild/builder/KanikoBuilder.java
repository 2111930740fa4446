package io.jenkins.plugins.devspacebuild.builder;

import io.jenkins.plugins.devspacebuild.event.BuildEvent;
import io.jenkins.plugins.devspacebuild.config.BuilderKind;
import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStateWaiting;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.ExecWatch;
import io.fabric8.kubernetes.client.dsl.LogWatch;
import io.jenkins.plugins.devspacebuild.cluster.ClusterConnection;
import io.jenkins.plugins.devspacebuild.config.ConfigException;
import io.jenkins.plugins.devspacebuild.config.KanikoSpec;
import io.jenkins.plugins.devspacebuild.registry.DockerConfigJson;
import io.jenkins.plugins.devspacebuild.registry.RegistryCredential;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Builds in the cluster with kaniko: one fresh pod per build (never reused), the engine's own context tar streamed
 * into it through one exec, the executor's log streamed live, the digest read from its termination message. Pod and
 * push secret are deleted whatever happens (success, failure, timeout, cancel); their labels
 * ({@code app.kubernetes.io/managed-by=devspace-build}) and the secret's owner reference (the pod) make leftovers
 * findable, so a failed build never blocks the next one.
 */
public final class KanikoBuilder implements ImageBuilder {
    private static final Set<String> PULL_ERRORS = Set.of("ErrImagePull", "ImagePullBackOff", "InvalidImageName", "ErrImageNeverPull",
            "CreateContainerConfigError", "CreateContainerError");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ClusterConnection cluster;
    private final BuildServices services;
    private final KanikoSpec spec;
    private final Supplier<String> suffix;
    private final Duration poll;

    public KanikoBuilder(ClusterConnection cluster, BuildServices services, KanikoSpec spec) {
        this(cluster, services, spec, KanikoBuilder::randomSuffix, Duration.ofMillis(500));
    }

    /** For tests: a fixed name suffix and a fast poll. */
    KanikoBuilder(ClusterConnection cluster, BuildServices services, KanikoSpec spec, Supplier<String> suffix, Duration poll) {
        this.cluster = cluster;
        this.services = services;
        this.spec = spec;
        this.suffix = suffix;
        this.poll = poll;
    }

    @Override
    public BuilderKind kind() {
        return BuilderKind.KANIKO;
    }

    String namespace() {
        return spec.namespace() != null ? spec.namespace() : cluster.namespace();
    }

    /** The pod's (and its push secret's) name for an image key. */
    String podName(String imageKey) {
        return dnsLabel("devspace-build-" + imageKey, 56) + "-" + suffix.get();
    }

    @Override
    public BuildOutcome build(BuildRequest request) throws BuildFailedException, InterruptedException {
        String key = request.key();
        String ns = namespace();
        String name = podName(key);
        KubernetesClient k = cluster.client();
        String registry = request.image().image().registry();
        Optional<RegistryCredential> credential = Optional.empty();
        String secretName = null;
        if (spec.pullSecret() != null) {
            secretName = spec.pullSecret();
        } else if (!spec.skipPullSecretMount()) {
            try {
                credential = services.credentials().find(registry);
            } catch (IOException e) {
                throw new BuildFailedException("credentials for " + registry + ": " + e.getMessage(), e);
            }
            secretName = credential.isPresent() ? name : null;
        }
        if (!request.push()) {
            services.events().warning(key, "kaniko keeps no local image: with skip-push the image is built (--no-push) and discarded");
        }
        Pod pod;
        try {
            pod = KanikoPod.of(name, ns, spec, request, secretName);
        } catch (ConfigException e) {
            throw new BuildFailedException(e.getMessage(), e);
        }
        services.events().accept(new BuildEvent.Building(key, name(), "kaniko: pod " + ns + "/" + name + " (cluster from " + cluster.source() + ")"));
        long deadline = System.nanoTime() + spec.timeout().toNanos();
        boolean ownSecret = credential.isPresent();
        try {
            Pod created = k.pods().inNamespace(ns).resource(pod).create();
            if (ownSecret) {
                k.secrets().inNamespace(ns).resource(pushSecret(name, ns, created, credential.get())).create();
            }
            await(ns, name, deadline, key, p -> running(p, KanikoPod.INIT) || terminated(p, KanikoPod.INIT) != null, "the init container to start");
            upload(k, ns, name, request, deadline);
            Pod started = await(ns, name, deadline, key, p -> running(p, KanikoPod.KANIKO) || terminated(p, KanikoPod.KANIKO) != null,
                    "the kaniko container to start");
            try (LogWatch logs = k.pods().inNamespace(ns).withName(name).inContainer(KanikoPod.KANIKO).watchLog()) {
                Thread reader = streamLog(logs, key);
                Pod done = terminated(started, KanikoPod.KANIKO) != null ? started
                        : await(ns, name, deadline, key, p -> terminated(p, KanikoPod.KANIKO) != null, "kaniko to finish");
                reader.join(TimeUnit.SECONDS.toMillis(5));
                return outcome(done, request);
            }
        } catch (KubernetesClientException e) {
            if (causedByInterrupt(e)) {
                throw new InterruptedException("kaniko build of " + key + " cancelled");
            }
            throw new BuildFailedException("kaniko: the cluster refused a request (" + describe(e) + ")", e);
        } finally {
            cleanup(ns, name, ownSecret, key);
        }
    }

    private Secret pushSecret(String name, String ns, Pod owner, RegistryCredential credential) {
        SecretBuilder b = new SecretBuilder().withNewMetadata().withName(name).withNamespace(ns)
                .withLabels(Map.of(KanikoPod.MANAGED_BY, "devspace-build"))
                .endMetadata()
                .withType("kubernetes.io/dockerconfigjson")
                .withData(Map.of(".dockerconfigjson", Base64.getEncoder().encodeToString(
                        DockerConfigJson.of(credential).getBytes(StandardCharsets.UTF_8))));
        if (owner.getMetadata() != null && owner.getMetadata().getUid() != null) {
            b.editMetadata().withOwnerReferences(new OwnerReferenceBuilder().withApiVersion("v1").withKind("Pod").withName(name)
                    .withUid(owner.getMetadata().getUid()).build()).endMetadata();
        }
        return b.build();
    }

    /** Streams the context tar into the pod through one exec ({@code tar -x} stops at the end of the archive). */
    private void upload(KubernetesClient k, String ns, String name, BuildRequest request, long deadline)
            throws BuildFailedException, InterruptedException {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (ExecWatch w = k.pods().inNamespace(ns).withName(name).inContainer(KanikoPod.INIT).redirectingInput().writingError(err)
                .exec("sh", "-c", "tar -xf - -C " + KanikoPod.CONTEXT_DIR + " && touch " + KanikoPod.DONE_MARKER)) {
            try (OutputStream in = w.getInput()) {
                request.input().writeTar(in);
            }
            Integer code = w.exitCode().get(Math.max(1, remaining(deadline)), TimeUnit.NANOSECONDS);
            if (code == null || code != 0) {
                throw new BuildFailedException("uploading the build context into the pod failed (exit code " + code + "): "
                        + err.toString(StandardCharsets.UTF_8).strip());
            }
            services.events().accept(new BuildEvent.ContextUploaded(request.key(), request.input().context().entries().size()));
        } catch (IOException e) {
            if (causedByInterrupt(e)) {
                throw new InterruptedException("upload cancelled");
            }
            throw new BuildFailedException("uploading the build context into the pod failed: " + e.getMessage(), e);
        } catch (ExecutionException e) {
            throw new BuildFailedException("uploading the build context into the pod failed: " + describe(e.getCause()), e);
        } catch (TimeoutException e) {
            throw timeout();
        }
    }

    private Thread streamLog(LogWatch logs, String key) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(logs.getOutput(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    services.events().output(key, line);
                }
            } catch (IOException ignored) {
                // the log stream closes with the pod
            }
        }, "devspace-build-kaniko-log-" + key);
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** Polls the pod until {@code ready} holds, failing at once on a pull error, eviction, failure or the timeout. */
    private Pod await(String ns, String name, long deadline, String key, Predicate<Pod> ready, String what)
            throws BuildFailedException, InterruptedException {
        while (true) {
            Pod p = cluster.client().pods().inNamespace(ns).withName(name).get();
            Optional<String> failure = failure(p);
            if (failure.isPresent()) {
                throw new BuildFailedException(failure.get());
            }
            if (ready.test(p)) {
                return p;
            }
            if (remaining(deadline) <= 0) {
                throw timeout();
            }
            Thread.sleep(Math.min(poll.toMillis(), Math.max(1, TimeUnit.NANOSECONDS.toMillis(remaining(deadline)))));
        }
    }

    /** Why the pod cannot succeed any more, if it cannot. */
    Optional<String> failure(Pod p) {
        if (p == null) {
            return Optional.of("the kaniko pod disappeared before the build finished (deleted by someone else, or evicted)");
        }
        var status = p.getStatus();
        if (status == null) {
            return Optional.empty();
        }
        if ("Evicted".equals(status.getReason())) {
            return Optional.of("the kaniko pod was evicted: " + status.getMessage() + "; give it more room with kaniko.resources");
        }
        for (ContainerStatus c : statuses(p)) {
            ContainerStateWaiting w = c.getState() == null ? null : c.getState().getWaiting();
            if (w != null && PULL_ERRORS.contains(w.getReason())) {
                boolean init = KanikoPod.INIT.equals(c.getName());
                return Optional.of("the " + (init ? "init" : "kaniko") + " container cannot start: " + w.getReason()
                        + (w.getMessage() == null ? "" : " (" + w.getMessage() + ")") + "; check kaniko." + (init ? "initImage" : "image")
                        + " (" + c.getImage() + ") and that the cluster can pull it");
            }
        }
        ContainerStateTerminated init = terminated(p, KanikoPod.INIT);
        if (init != null && init.getExitCode() != null && init.getExitCode() != 0) {
            return Optional.of("the init container failed with exit code " + init.getExitCode() + " (" + init.getReason() + ")");
        }
        if ("Failed".equals(status.getPhase()) && terminated(p, KanikoPod.KANIKO) == null) {
            return Optional.of("the kaniko pod failed: " + status.getReason() + " " + (status.getMessage() == null ? "" : status.getMessage()));
        }
        return Optional.empty();
    }

    private BuildOutcome outcome(Pod done, BuildRequest request) throws BuildFailedException {
        ContainerStateTerminated t = terminated(done, KanikoPod.KANIKO);
        int code = t.getExitCode() == null ? -1 : t.getExitCode();
        if ("OOMKilled".equals(t.getReason())) {
            throw new BuildFailedException("the kaniko container ran out of memory (OOMKilled); raise kaniko.resources.limits.memory");
        }
        if (code != 0) {
            String msg = t.getMessage() == null || t.getMessage().isBlank() ? "" : ": " + t.getMessage().strip();
            throw new BuildFailedException("kaniko exited with code " + code + (t.getReason() == null ? "" : " (" + t.getReason() + ")") + msg);
        }
        String message = t.getMessage() == null ? "" : t.getMessage().strip();
        String digest = message.startsWith("sha256:") ? message : null;
        return new BuildOutcome(name(), request.push() ? digest : null, null);
    }

    private void cleanup(String ns, String name, boolean ownSecret, String key) {
        boolean interrupted = Thread.interrupted();
        try {
            KubernetesClient k = cluster.client();
            try {
                k.pods().inNamespace(ns).withName(name).withGracePeriod(0).delete();
            } catch (KubernetesClientException e) {
                services.events().warning(key, "could not delete pod " + ns + "/" + name + " (" + describe(e) + "); delete it with kubectl -n " + ns
                        + " delete pod,secret -l " + KanikoPod.MANAGED_BY + "=devspace-build");
            }
            if (ownSecret) {
                try {
                    k.secrets().inNamespace(ns).withName(name).delete();
                } catch (KubernetesClientException e) {
                    services.events().warning(key, "could not delete secret " + ns + "/" + name + " (" + describe(e) + ")");
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private BuildFailedException timeout() {
        long secs = spec.timeout().toSeconds();
        String limit = secs % 60 == 0 ? secs / 60 + "m" : secs + "s";
        return new BuildFailedException("the kaniko build did not finish within " + limit + " (kaniko.timeout); the pod "
                + "was deleted. Raise kaniko.timeout for longer builds");
    }

    private static long remaining(long deadline) {
        return deadline - System.nanoTime();
    }

    private static List<ContainerStatus> statuses(Pod p) {
        List<ContainerStatus> all = new java.util.ArrayList<>();
        if (p.getStatus() != null) {
            if (p.getStatus().getInitContainerStatuses() != null) {
                all.addAll(p.getStatus().getInitContainerStatuses());
            }
            if (p.getStatus().getContainerStatuses() != null) {
                all.addAll(p.getStatus().getContainerStatuses());
            }
        }
        return all;
    }

    private static Optional<ContainerStatus> status(Pod p, String container) {
        return statuses(p).stream().filter(c -> container.equals(c.getName())).findFirst();
    }

    static boolean running(Pod p, String container) {
        return status(p, container).map(c -> c.getState() != null && c.getState().getRunning() != null).orElse(false);
    }

    static ContainerStateTerminated terminated(Pod p, String container) {
        return status(p, container).map(c -> c.getState() == null ? null : c.getState().getTerminated()).orElse(null);
    }

    /** An interrupt that the client wrapped (its calls turn it into exceptions of their own). */
    static boolean causedByInterrupt(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InterruptedException || t instanceof java.io.InterruptedIOException) {
                return true;
            }
        }
        return Thread.currentThread().isInterrupted();
    }

    static String describe(Throwable e) {
        if (e instanceof KubernetesClientException k && k.getStatus() != null && k.getStatus().getMessage() != null) {
            return k.getCode() + " " + k.getStatus().getMessage();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().split("\n")[0];
    }

    /** A DNS-1123 label: lower case letters, digits and '-', starting and ending alphanumeric, at most {@code max}. */
    static String dnsLabel(String s, int max) {
        String l = s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-").replaceAll("-+", "-");
        if (l.length() > max) {
            l = l.substring(0, max);
        }
        return l.replaceAll("^-+|-+$", "");
    }

    private static String randomSuffix() {
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            sb.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
