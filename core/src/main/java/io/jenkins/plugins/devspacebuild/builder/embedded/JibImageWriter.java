package io.jenkins.plugins.devspacebuild.builder.embedded;

import com.google.cloud.tools.jib.api.CacheDirectoryCreationException;
import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.InvalidImageReferenceException;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.JibContainer;
import com.google.cloud.tools.jib.api.JibContainerBuilder;
import com.google.cloud.tools.jib.api.LogEvent;
import com.google.cloud.tools.jib.api.RegistryException;
import com.google.cloud.tools.jib.api.RegistryImage;
import com.google.cloud.tools.jib.api.TarImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.FileEntry;
import com.google.cloud.tools.jib.api.buildplan.FilePermissions;
import com.google.cloud.tools.jib.api.buildplan.ImageFormat;
import com.google.cloud.tools.jib.api.buildplan.Port;
import com.google.cloud.tools.jib.blob.Blobs;
import com.google.cloud.tools.jib.cache.Cache;
import com.google.common.collect.ImmutableList;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Assembles an {@link ImageRecipe} with jib-core and writes it to a registry or to a {@code docker load} tarball.
 * <p>jib's own layer builder cannot write symbolic links (it follows them) and adds every parent directory with its own
 * mode; so each layer is written here by {@link LayerTar} and handed to jib through its application-layer cache, keyed
 * by a placeholder entry that stands for the layer (the one jib-internal class used: {@code jib.cache.Cache}, checked by
 * the tests). Everything jib does runs on an executor owned here, shut down (interrupting its threads) when the build
 * ends or is cancelled; a cancelled build ends in {@link InterruptedException}.
 */
public final class JibImageWriter implements AutoCloseable {
    /** The image's creation time: fixed, so the same inputs give the same digest. */
    static final Instant CREATED = Instant.EPOCH;
    private static final AtomicInteger THREADS = new AtomicInteger();

    /** A registry image, or the tarball that stands for it. */
    public record Target(List<String> references, String registry, String username, String password, Path tarball) {
        public Target {
            references = List.copyOf(references);
        }

        public static Target registry(List<String> references, String registry, String username, String password) {
            return new Target(references, registry, username, password, null);
        }

        public static Target tarball(List<String> references, Path tarball) {
            return new Target(references, null, null, null, tarball);
        }

        @Override
        public String toString() {
            return "Target" + references + (tarball == null ? "" : " -> " + tarball);
        }
    }

    /** What was written. */
    public record Written(String digest, String imageId) {
    }

    private final Path workDir;
    private final Path appCache;
    private final ExecutorService executor;
    private final List<FileEntriesLayer> layers = new ArrayList<>();
    private final Consumer<String> progress;

    /**
     * @param progress receives jib's warnings worth showing (never credentials: jib does not log them)
     */
    public JibImageWriter(String imageKey, Consumer<String> progress) throws IOException {
        this.workDir = Files.createTempDirectory("devspace-build-embedded-");
        this.appCache = workDir.resolve("layers");
        this.progress = progress;
        String prefix = "devspace-build-jib-" + imageKey + "-";
        ThreadFactory tf = r -> {
            Thread t = new Thread(r, prefix + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        this.executor = Executors.newCachedThreadPool(tf);
    }

    /**
     * Writes the recipe's layers (compressed, into a private cache) before jib runs; the context files are read here,
     * once, and checked against their hashes.
     */
    public void prepareLayers(ImageRecipe recipe, Map<String, byte[]> expected) throws IOException, InterruptedException {
        Cache cache;
        try {
            cache = Cache.withDirectory(appCache);
        } catch (CacheDirectoryCreationException e) {
            throw new IOException("cannot create " + appCache + ": " + e.getMessage(), e);
        }
        int n = 0;
        for (LayerPlan plan : recipe.layers()) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException("cancelled while writing layers");
            }
            Path marker = Files.writeString(workDir.resolve("layer-" + n), plan.instruction(), StandardCharsets.UTF_8);
            FileEntry placeholder = new FileEntry(marker, AbsoluteUnixPath.get("/.devspace-build/layer-" + n),
                    FilePermissions.DEFAULT_FILE_PERMISSIONS, CREATED);
            try {
                cache.writeUncompressedLayer(Blobs.from(out -> LayerTar.write(plan, expected, out), true), ImmutableList.of(placeholder));
            } catch (IOException e) {
                if (Thread.currentThread().isInterrupted() || e instanceof java.io.InterruptedIOException
                        || e instanceof java.nio.channels.ClosedByInterruptException) {
                    throw new InterruptedException("cancelled while writing layers");
                }
                throw e;
            }
            layers.add(FileEntriesLayer.builder().setName(plan.instruction()).addEntry(placeholder).build());
            n++;
        }
    }

    /**
     * Runs jib: pulls what it needs of the base image, pushes (or writes the tarball), returns the manifest digest and
     * the image id (config digest).
     *
     * @param baseUser     credentials for the base image's registry, or null
     * @param insecure     whether plain HTTP is allowed (for the base and the target registry)
     */
    public Written write(ImageRecipe recipe, String baseUser, String basePassword, Target target, boolean insecure)
            throws IOException, RegistryException, InterruptedException, ExecutionException {
        JibContainerBuilder builder;
        try {
            if (recipe.base() == null) {
                builder = Jib.fromScratch();
            } else {
                RegistryImage base = RegistryImage.named(ImageReference.parse(recipe.base().reference()));
                if (baseUser != null) {
                    base.addCredential(baseUser, basePassword);
                }
                builder = Jib.from(base);
            }
        } catch (InvalidImageReferenceException e) {
            throw new IOException("the base image reference " + recipe.base().reference() + " is not valid for jib: " + e.getMessage(), e);
        }
        configure(builder, recipe.settings());
        builder.setFileEntriesLayers(layers);
        Containerizer containerizer = containerizer(target);
        for (String ref : target.references().subList(1, target.references().size())) {
            containerizer.withAdditionalTag(ref.substring(ref.lastIndexOf(':') + 1));
        }
        containerizer.setAllowInsecureRegistries(insecure)
                .setApplicationLayersCache(appCache)
                .setExecutorService(executor)
                .setToolName("devspace-build")
                .setToolVersion(io.jenkins.plugins.devspacebuild.util.ToolVersion.get())
                .addEventHandler(LogEvent.class, this::log);
        try {
            JibContainer c = builder.containerize(containerizer);
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException("cancelled");
            }
            return new Written(c.getDigest().toString(), c.getImageId().toString());
        } catch (CacheDirectoryCreationException e) {
            throw new IOException("jib cannot create its cache directory: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            stop();
            throw e;
        } catch (IOException | RegistryException | ExecutionException | RuntimeException e) {
            if (Thread.currentThread().isInterrupted() || JibFailures.interrupted(e)) {
                stop();
                throw new InterruptedException("cancelled");
            }
            throw e;
        }
    }

    private Containerizer containerizer(Target target) throws IOException {
        String first = target.references().get(0);
        try {
            if (target.tarball() != null) {
                return Containerizer.to(TarImage.at(target.tarball()).named(first));
            }
            RegistryImage image = RegistryImage.named(ImageReference.parse(first));
            if (target.username() != null) {
                image.addCredential(target.username(), target.password());
            }
            return Containerizer.to(image);
        } catch (InvalidImageReferenceException e) {
            throw new IOException(first + " is not a valid image reference for jib: " + e.getMessage(), e);
        }
    }

    static void configure(JibContainerBuilder b, ContainerSettings s) {
        b.setFormat(ImageFormat.Docker).setCreationTime(CREATED);
        if (s.entrypoint() != null) {
            b.setEntrypoint(s.entrypoint());
        }
        if (s.cmd() != null) {
            b.setProgramArguments(s.cmd());
        }
        b.setEnvironment(s.env());
        b.setLabels(s.labels());
        if (s.workingDir() != null) {
            b.setWorkingDirectory(AbsoluteUnixPath.get(s.workingDir()));
        }
        if (s.user() != null) {
            b.setUser(s.user());
        }
        for (String p : s.exposedPorts()) {
            int slash = p.indexOf('/');
            b.addExposedPort(Port.parseProtocol(Integer.parseInt(p.substring(0, slash)), p.substring(slash + 1)));
        }
        for (String v : s.volumes()) {
            b.addVolume(AbsoluteUnixPath.get(v));
        }
    }

    private void log(LogEvent e) {
        String m = e.getMessage();
        if (e.getLevel() == LogEvent.Level.WARN && m != null && !m.startsWith("Cannot verify server at")
                && !(m.startsWith("Failed to connect to") && m.contains("over HTTPS"))) {
            progress.accept("jib: " + m);
        }
    }

    /** Interrupts whatever jib still runs. */
    private void stop() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops jib's threads and deletes the layers written. */
    @Override
    public void close() {
        executor.shutdownNow();
        try (Stream<Path> s = Files.walk(workDir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException ignored) {
            // a temporary directory; the OS cleans it eventually
        }
    }
}
