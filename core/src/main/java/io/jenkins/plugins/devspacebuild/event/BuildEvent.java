package io.jenkins.plugins.devspacebuild.event;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Progress of a run, as typed events: the engine never prints. The CLI prints them to the terminal and (with
 * {@code --events-json}) writes them as JSON lines, the Jenkins step prints them to the build log; all render the
 * same structure ({@link ConsolePrinter}, {@link JsonEventWriter}).
 *
 * <p>This package is a leaf: events carry their own small values (strings, numbers, {@link ImageLine}), never types of
 * the engine, so every consumer can depend on it alone. Every event can be masked structurally: {@link #masked}
 * returns a copy with every string passed through a function (see {@link SecretMasker}).
 */
public sealed interface BuildEvent {

    /** The image key the event is about, or null for the run as a whole. */
    String image();

    /** A copy with every string (image key included) passed through {@code f}. */
    BuildEvent masked(UnaryOperator<String> f);

    /** A free-text message: configuration and context warnings, retries, notes of a builder. */
    record Message(String image, Level level, String text) implements BuildEvent {
        @Override
        public Message masked(UnaryOperator<String> f) {
            return new Message(f.apply(image), level, f.apply(text));
        }
    }

    /** One line of a builder's output (daemon, kaniko pod, custom command). */
    record Output(String image, String line) implements BuildEvent {
        @Override
        public Output masked(UnaryOperator<String> f) {
            return new Output(f.apply(image), f.apply(line));
        }
    }

    /** Where the cache of earlier builds came from, and how many images it knows. */
    record CacheLoaded(String source, int entries) implements BuildEvent {
        @Override
        public String image() {
            return null;
        }

        @Override
        public CacheLoaded masked(UnaryOperator<String> f) {
            return new CacheLoaded(f.apply(source), entries);
        }
    }

    /** A skip was checked: the cached image is still where it will be used (the registry, or the local store). */
    record SkipVerified(String image, String reference, String where) implements BuildEvent {
        @Override
        public SkipVerified masked(UnaryOperator<String> f) {
            return new SkipVerified(f.apply(image), f.apply(reference), f.apply(where));
        }
    }

    /**
     * The final decision for an image, announced once after planning (skips already verified).
     *
     * @param build      whether it is built (else skipped)
     * @param reason     why
     * @param hashes     its Dockerfile, context and config hashes (each null for an image its configuration disables:
     *                   nothing was read)
     * @param planningMs time spent hashing, deciding and verifying
     */
    record Decided(String image, boolean build, String reason, Hashes hashes, long planningMs) implements BuildEvent {
        @Override
        public Decided masked(UnaryOperator<String> f) {
            return new Decided(f.apply(image), build, f.apply(reason), hashes.masked(f), planningMs);
        }
    }

    /** The hashes of an image's inputs. */
    record Hashes(String dockerfile, String context, String config) {
        public Hashes masked(UnaryOperator<String> f) {
            return new Hashes(f.apply(dockerfile), f.apply(context), f.apply(config));
        }
    }

    /** How many images are built and how many at once. */
    record Scheduled(int toBuild, int parallelism, boolean sequential) implements BuildEvent {
        @Override
        public String image() {
            return null;
        }

        @Override
        public Scheduled masked(UnaryOperator<String> f) {
            return this;
        }
    }

    /**
     * The builder chosen for an image, and why.
     *
     * @param fallback whether it replaces the one asked for (Docker unreachable); {@code why} then says what happened
     */
    record BuilderChosen(String image, String builder, String why, boolean fallback) implements BuildEvent {
        @Override
        public BuilderChosen masked(UnaryOperator<String> f) {
            return new BuilderChosen(f.apply(image), f.apply(builder), f.apply(why), fallback);
        }
    }

    /** A build starts: with what and where ("the Docker daemon at unix:///var/run/docker.sock"). */
    record Building(String image, String builder, String how) implements BuildEvent {
        @Override
        public Building masked(UnaryOperator<String> f) {
            return new Building(f.apply(image), f.apply(builder), f.apply(how));
        }
    }

    /** One layer the embedded builder writes. */
    record LayerPlanned(String image, int number, int count, String instruction, String size) implements BuildEvent {
        @Override
        public LayerPlanned masked(UnaryOperator<String> f) {
            return new LayerPlanned(f.apply(image), number, count, f.apply(instruction), f.apply(size));
        }
    }

    /** References are being pushed, as whom ("ci on registry.example.com (from --registry-credentials)", or null). */
    record Pushing(String image, List<String> references, String as) implements BuildEvent {
        public Pushing {
            references = List.copyOf(references);
        }

        @Override
        public Pushing masked(UnaryOperator<String> f) {
            return new Pushing(f.apply(image), references.stream().map(f).toList(), f.apply(as));
        }
    }

    /** A reference was pushed; its manifest digest. */
    record Pushed(String image, String reference, String digest) implements BuildEvent {
        @Override
        public Pushed masked(UnaryOperator<String> f) {
            return new Pushed(f.apply(image), f.apply(reference), f.apply(digest));
        }
    }

    /** An image pull secret exists in the cluster: created, updated or unchanged, and the service accounts patched. */
    record PullSecretEnsured(String namespace, String secret, String registry, String change, List<String> serviceAccounts)
            implements BuildEvent {
        public PullSecretEnsured {
            serviceAccounts = List.copyOf(serviceAccounts);
        }

        @Override
        public String image() {
            return null;
        }

        @Override
        public PullSecretEnsured masked(UnaryOperator<String> f) {
            return new PullSecretEnsured(f.apply(namespace), f.apply(secret), f.apply(registry), f.apply(change),
                    serviceAccounts.stream().map(f).toList());
        }
    }

    /** The embedded builder reads a base image's configuration from its registry. */
    record BaseImageRead(String image, String reference, String registry) implements BuildEvent {
        @Override
        public BaseImageRead masked(UnaryOperator<String> f) {
            return new BaseImageRead(f.apply(image), f.apply(reference), f.apply(registry));
        }
    }

    /**
     * Registries reached over plain HTTP, and why; credentials sent to them travel unencrypted (as the JVM-wide system
     * property {@code property} allows).
     */
    record PlainHttp(String image, List<String> registries, String why, String property) implements BuildEvent {
        public PlainHttp {
            registries = List.copyOf(registries);
        }

        @Override
        public PlainHttp masked(UnaryOperator<String> f) {
            return new PlainHttp(f.apply(image), registries.stream().map(f).toList(), f.apply(why), f.apply(property));
        }
    }

    /** The build context reached the kaniko pod. */
    record ContextUploaded(String image, int entries) implements BuildEvent {
        @Override
        public ContextUploaded masked(UnaryOperator<String> f) {
            return new ContextUploaded(f.apply(image), entries);
        }
    }

    /** An image built without push was written as a tarball ({@code docker load -i} reads it). */
    record TarballWritten(String image, String path, String fileName) implements BuildEvent {
        @Override
        public TarballWritten masked(UnaryOperator<String> f) {
            return new TarballWritten(f.apply(image), f.apply(path), f.apply(fileName));
        }
    }

    /** --fail-fast: an image failed, the others are cancelled. */
    record FailFast(String image) implements BuildEvent {
        @Override
        public FailFast masked(UnaryOperator<String> f) {
            return new FailFast(f.apply(image));
        }
    }

    /** An image is done: built, skipped or failed. */
    record ImageDone(ImageLine result) implements BuildEvent {
        @Override
        public String image() {
            return result.name();
        }

        @Override
        public ImageDone masked(UnaryOperator<String> f) {
            return new ImageDone(result.masked(f));
        }
    }

    /** The run is done; its summary. */
    record RunDone(List<ImageLine> images, boolean cancelled) implements BuildEvent {
        public RunDone {
            images = List.copyOf(images);
        }

        @Override
        public String image() {
            return null;
        }

        @Override
        public RunDone masked(UnaryOperator<String> f) {
            return new RunDone(images.stream().map(i -> i.masked(f)).toList(), cancelled);
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
