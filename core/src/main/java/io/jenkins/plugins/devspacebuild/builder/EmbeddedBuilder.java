package io.jenkins.plugins.devspacebuild.builder;

import io.jenkins.plugins.devspacebuild.event.BuildEvent;
import io.jenkins.plugins.devspacebuild.config.BuilderKind;
import com.google.cloud.tools.jib.api.RegistryException;
import io.jenkins.plugins.devspacebuild.builder.embedded.DockerfileInterpreter;
import io.jenkins.plugins.devspacebuild.builder.embedded.DockerfileProblem;
import io.jenkins.plugins.devspacebuild.builder.embedded.ImageRecipe;
import io.jenkins.plugins.devspacebuild.builder.embedded.JibFailures;
import io.jenkins.plugins.devspacebuild.builder.embedded.JibImageWriter;
import io.jenkins.plugins.devspacebuild.builder.embedded.LayerPlan;
import io.jenkins.plugins.devspacebuild.builder.embedded.RegistryBaseImages;
import io.jenkins.plugins.devspacebuild.builder.embedded.ResolvedBase;
import io.jenkins.plugins.devspacebuild.cache.CacheEntry;
import io.jenkins.plugins.devspacebuild.config.ConfigException;
import io.jenkins.plugins.devspacebuild.config.EmbeddedSpec;
import io.jenkins.plugins.devspacebuild.config.ImageConfig;
import io.jenkins.plugins.devspacebuild.config.ImageName;
import io.jenkins.plugins.devspacebuild.context.BuildContext;
import io.jenkins.plugins.devspacebuild.context.ContextEntry;
import io.jenkins.plugins.devspacebuild.context.DockerIgnore;
import io.jenkins.plugins.devspacebuild.registry.RegistryAuthException;
import io.jenkins.plugins.devspacebuild.registry.RegistryClient;
import io.jenkins.plugins.devspacebuild.registry.RegistryCredential;
import io.jenkins.plugins.devspacebuild.registry.RegistryHosts;
import io.jenkins.plugins.devspacebuild.registry.Retry;
import io.jenkins.plugins.devspacebuild.registry.TransientException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import io.jenkins.plugins.devspacebuild.util.BoundedFiles;
import io.jenkins.plugins.devspacebuild.util.ConfinedPaths;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;

/**
 * The {@code embedded} builder: assembles the image in the JVM with jib-core, with no Docker daemon and no cluster, from
 * a Dockerfile that only puts files and settings on a base image ({@link DockerfileInterpreter} says which). The files
 * are the engine's hashed context entries; the image is pushed with the engine's registry credentials, or, without
 * push, written as a {@code docker load} tarball to {@code .devspace/images/<key>-<tag>.tar} next to devspace.yaml.
 * The same inputs give the same image digest.
 */
public final class EmbeddedBuilder implements ImageBuilder {
    /** The JVM-wide switch jib needs to send credentials to a plain-HTTP registry. */
    static final String SEND_CREDENTIALS_OVER_HTTP = "sendCredentialsOverHttp";
    static final String IMAGES_DIR = ".devspace/images";

    private final BuildServices services;
    private final EmbeddedSpec spec;
    private final RegistryClient registry;

    public EmbeddedBuilder(BuildServices services, EmbeddedSpec spec, RegistryClient registry) {
        this.services = services;
        this.spec = spec;
        this.registry = registry;
    }

    @Override
    public BuilderKind kind() {
        return BuilderKind.EMBEDDED;
    }

    /**
     * Whether the embedded builder can build a Dockerfile, judged from its text: the problem (file, line, instruction,
     * what to do instead), or empty. A build can still fail on what only the files show (an ADD source that is a tar
     * archive, a COPY source that does not exist).
     *
     * @param target the stage to build, or null for the last one
     */
    public static Optional<String> inexpressible(String dockerfileText, String displayName, String target) {
        return DockerfileInterpreter.inexpressible(dockerfileText, displayName, target);
    }

    @Override
    public BuildOutcome build(BuildRequest request) throws BuildFailedException, InterruptedException {
        String key = request.key();
        ImageConfig image = request.image();
        ImageRecipe recipe = interpret(request);
        recipe.warnings().forEach(w -> services.events().warning(key, w));
        ResolvedBase base = recipe.base();
        String from = base == null ? "FROM scratch"
                : "FROM " + base.written() + " (" + base.reference().substring(base.reference().indexOf('@') + 1) + ")";
        services.events().accept(new BuildEvent.Building(key, name(), "the embedded builder (no daemon), " + from));
        int n = 0;
        for (LayerPlan layer : recipe.layers()) {
            n++;
            String size = layer.fileCount() == 0 ? "directories" : layer.fileCount() + " files, " + layer.bytes() + " bytes";
            services.events().accept(new BuildEvent.LayerPlanned(key, n, recipe.layers().size(), layer.instruction(), size));
        }
        ImageName target = image.image();
        Set<String> plainHttp = new LinkedHashSet<>();
        if (request.push()) {
            plainHttp.addAll(plainHttp(target.registry()));
        }
        if (base != null) {
            plainHttp.addAll(plainHttp(base.registry()));
        }
        boolean insecure = !plainHttp.isEmpty();
        if (insecure) {
            System.setProperty(SEND_CREDENTIALS_OVER_HTTP, "true");
            services.events().accept(new BuildEvent.PlainHttp(key, List.copyOf(plainHttp), whyPlain(plainHttp), SEND_CREDENTIALS_OVER_HTTP));
        }
        RegistryCredential baseCred = base == null ? null : credential(base.registry());
        try (JibImageWriter writer = new JibImageWriter(key, line -> services.events().output(key, line))) {
            writer.prepareLayers(recipe, request.input().digest().files());
            if (request.push()) {
                RegistryCredential cred = credential(target.registry());
                List<String> refs = request.references();
                services.events().accept(new BuildEvent.Pushing(key, refs, cred == null ? null : cred.describe()));
                JibImageWriter.Target to = JibImageWriter.Target.registry(refs, target.registry(), user(cred), secret(cred));
                JibImageWriter.Written out = run(key, "push of " + refs.get(0),
                        () -> writer.write(recipe, user(baseCred), secret(baseCred), to, insecure), cred, baseCred, base, target.registry());
                services.events().accept(new BuildEvent.Pushed(key, refs.get(0), out.digest()));
                return new BuildOutcome(name(), out.digest(), null);
            }
            Path tarball = tarball(key, request.tags().get(0));
            ConfinedPaths.requireInside(services.workingDirectory(), tarball, "the image tarball");
            Files.createDirectories(tarball.getParent());
            Path partial = Files.createTempFile(tarball.getParent(), "." + tarball.getFileName(), ".partial");
            try {
                Files.delete(partial);
                JibImageWriter.Target to = JibImageWriter.Target.tarball(request.references(), partial);
                run(key, "writing " + tarball.getFileName(), () -> writer.write(recipe, user(baseCred), secret(baseCred), to, insecure),
                        null, baseCred, base, null);
                Files.move(partial, tarball, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(partial);
            }
            services.events().accept(new BuildEvent.TarballWritten(key, tarball.toString(), tarball.getFileName().toString()));
            return new BuildOutcome(name(), null, tarball.toString());
        } catch (RegistryAuthException e) {
            throw new BuildFailedException(e.getMessage(), e);
        } catch (TransientException e) {
            throw new BuildFailedException((request.push() ? "push failed: " : "embedded build failed: ") + e.getMessage(), e);
        } catch (IOException e) {
            throw new BuildFailedException("embedded build failed: " + e.getMessage(), e);
        }
    }

    private ImageRecipe interpret(BuildRequest request) throws BuildFailedException, InterruptedException {
        ImageConfig image = request.image();
        BuildInput input = request.input();
        try {
            return DockerfileInterpreter.interpret(input.dockerfileText(), displayName(image.dockerfile()), image.target(),
                    image.buildArgs(), visibleEntries(input), new RegistryBaseImages(registry, spec.insecure(), request.key(), services.events()));
        } catch (DockerfileProblem e) {
            throw new BuildFailedException(e.getMessage());
        } catch (RegistryAuthException e) {
            throw new BuildFailedException(e.getMessage(), e);
        } catch (IOException e) {
            throw new BuildFailedException("embedded build failed: " + e.getMessage(), e);
        }
    }

    /** One jib run, retried when it fails transiently; failures turned into the engine's exceptions. */
    private interface Attempt {
        JibImageWriter.Written run() throws IOException, RegistryException, InterruptedException, ExecutionException;
    }

    private JibImageWriter.Written run(String key, String what, Attempt attempt, RegistryCredential targetCred, RegistryCredential baseCred,
                                       ResolvedBase base, String targetRegistry) throws IOException, InterruptedException {
        try {
            return Retry.run(services.retry(), what, key, services.events(), () -> {
                try {
                    return attempt.run();
                } catch (RegistryException | ExecutionException | IOException e) {
                    throw translate(e, targetCred, baseCred, base, targetRegistry);
                }
            });
        } catch (IOException | InterruptedException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private IOException translate(Exception e, RegistryCredential targetCred, RegistryCredential baseCred, ResolvedBase base,
                                  String targetRegistry) {
        JibFailures.Failure f = JibFailures.classify(e);
        return switch (f.kind()) {
            case AUTH -> {
                String reg = f.registry() != null ? RegistryHosts.normalise(f.registry()) : registryOf(targetRegistry, base);
                yield RegistryAuthException.refused(reg, reg.equals(targetRegistry) ? targetCred : baseCred, f.message());
            }
            case TRANSIENT -> new TransientException("registry " + registryOf(targetRegistry, base) + ": " + f.message(), e);
            case INSECURE -> new IOException(f.message() + "; if this registry is meant to be reached over plain HTTP or with an untrusted "
                    + "certificate, set embedded: {insecure: true} on the image or pass --insecure-registry");
            case PERMANENT -> new IOException(f.message(), e);
        };
    }

    /** The registry a failure is about when jib does not say: the target's, else (a build without push) the base image's. */
    private static String registryOf(String targetRegistry, ResolvedBase base) {
        return targetRegistry != null ? targetRegistry : base == null ? "" : base.registry();
    }

    /**
     * The context entries a Docker build sees: the daemon removes {@code .dockerignore} and the Dockerfile from the sent
     * context when the sent .dockerignore excludes them.
     */
    static List<ContextEntry> visibleEntries(BuildInput input) throws IOException {
        BuildContext context = input.context();
        String ignore;
        if (input.generatedDockerfile()) {
            byte[] generated = input.overlay().get(".dockerignore");
            ignore = generated == null ? null : new String(generated, StandardCharsets.UTF_8);
        } else {
            ignore = context.hasDockerignore() ? BoundedFiles.readString(context.root().resolve(".dockerignore"), BoundedFiles.SMALL_FILE_LIMIT, "the ignore file") : null;
        }
        if (ignore == null) {
            return context.entries();
        }
        Set<String> removed = new LinkedHashSet<>();
        try {
            DockerIgnore patterns = DockerIgnore.parse(ignore, ".dockerignore");
            for (String f : List.of(".dockerignore", input.dockerfileName())) {
                if (patterns.isExcluded(f)) {
                    removed.add(f);
                }
            }
        } catch (ConfigException e) {
            throw new IOException(e.getMessage(), e);
        }
        return context.entries().stream().filter(e -> !removed.contains(e.path())).toList();
    }

    private Set<String> plainHttp(String registryHost) {
        if (spec.insecure() || services.insecureRegistries().contains(registryHost) || RegistryHosts.isLoopback(registryHost)) {
            return Set.of(registryHost);
        }
        return Set.of();
    }

    private String whyPlain(Set<String> registries) {
        List<String> why = new ArrayList<>();
        for (String r : registries) {
            why.add(RegistryHosts.isLoopback(r) ? r + " is a loopback registry" : spec.insecure() ? "embedded.insecure is true"
                    : r + " is an insecure registry");
        }
        return String.join(", ", why);
    }

    private RegistryCredential credential(String registryHost) throws BuildFailedException {
        try {
            return services.credentials().find(registryHost).orElse(null);
        } catch (IOException e) {
            throw new BuildFailedException("credentials for registry " + registryHost + ": " + e.getMessage(), e);
        }
    }

    private static String user(RegistryCredential c) {
        return c == null ? null : c.username();
    }

    private static String secret(RegistryCredential c) {
        return c == null ? null : c.password().reveal();
    }

    /** {@code <devspace.yaml dir>/.devspace/images/<key>-<tag>.tar} */
    Path tarball(String key, String tag) {
        return services.workingDirectory().resolve(IMAGES_DIR).resolve(safe(key) + "-" + safe(tag) + ".tar");
    }

    private static String safe(String s) {
        return s.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    private String displayName(Path dockerfile) {
        Path wd = services.workingDirectory().toAbsolutePath().normalize();
        Path df = dockerfile.toAbsolutePath().normalize();
        return df.startsWith(wd) ? wd.relativize(df).toString().replace('\\', '/') : df.toString();
    }

    /** Whether the tarball of a build without push is still there (also after the project moved). */
    @Override
    public boolean existsLocally(CacheEntry entry) {
        if (entry.imageId() == null || !entry.imageId().endsWith(".tar")) {
            return false;
        }
        Path recorded = Path.of(entry.imageId());
        return Files.isRegularFile(recorded)
                || Files.isRegularFile(services.workingDirectory().resolve(IMAGES_DIR).resolve(recorded.getFileName().toString()));
    }
}
