package io.jenkins.plugins.devspacebuild.cli;

import io.jenkins.plugins.devspacebuild.engine.BuildEngine;
import io.jenkins.plugins.devspacebuild.error.DevSpaceBuildException;
import io.jenkins.plugins.devspacebuild.engine.EngineSettings;
import io.jenkins.plugins.devspacebuild.engine.RunOptions;
import io.jenkins.plugins.devspacebuild.cluster.ClusterSettings;
import io.jenkins.plugins.devspacebuild.config.BuilderKind;
import io.jenkins.plugins.devspacebuild.cluster.KubeContexts;
import io.jenkins.plugins.devspacebuild.cluster.LocalCluster;
import io.jenkins.plugins.devspacebuild.cluster.MinikubeDockerEnv;
import io.jenkins.plugins.devspacebuild.config.ConfigException;
import io.jenkins.plugins.devspacebuild.event.ConsolePrinter;
import io.jenkins.plugins.devspacebuild.event.EventSink;
import io.jenkins.plugins.devspacebuild.event.JsonEventWriter;
import io.jenkins.plugins.devspacebuild.registry.DockerConfigCredentials;
import io.jenkins.plugins.devspacebuild.registry.Password;
import io.jenkins.plugins.devspacebuild.registry.RegistryCredential;
import io.jenkins.plugins.devspacebuild.registry.RegistryCredentials;
import io.jenkins.plugins.devspacebuild.registry.RegistryHosts;
import io.jenkins.plugins.devspacebuild.registry.StaticCredentials;
import io.jenkins.plugins.devspacebuild.result.PublishedVariables;
import io.jenkins.plugins.devspacebuild.result.ResultFiles;
import io.jenkins.plugins.devspacebuild.result.RunResult;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import io.jenkins.plugins.devspacebuild.util.BoundedFiles;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code devspace-build build}: the whole process. */
@Command(name = "build", mixinStandardHelpOptions = true,
        description = "Builds, tags and pushes the images that changed; skips the others and publishes their cached tags.")
final class BuildCommand implements Callable<Integer> {
    @Mixin
    ProjectOptions project;

    @Option(names = "--cache", paramLabel = "FILE", description = "The cache (default: .devspace/devspace-build-cache.json next to devspace.yaml).")
    Path cache;

    @Option(names = {"-b", "--force-build"}, description = "Build every image, even unchanged ones.")
    boolean force;

    @Option(names = "--build-sequential", description = "Build one image at a time.")
    boolean sequential;

    @Option(names = "--max-parallel", paramLabel = "N", defaultValue = "0", description = "Build at most N images at once (default: 0 = "
            + "a cap by cores and builder kind, see docs/architecture.md).")
    int maxParallel;

    @Option(names = "--fail-fast", description = "Cancel the other builds when one fails.")
    boolean failFast;

    @Option(names = "--skip-push", description = "Do not push; images stay in the local daemon.")
    boolean skipPush;

    @Option(names = "--skip-push-local-kube", description = "When the kube context is a local cluster (kind, k3d, minikube, Docker Desktop), "
            + "do not push: load the images into kind/k3d, build in minikube's daemon, or rely on Docker Desktop's shared daemon.")
    boolean skipPushLocalKube;

    @Option(names = {"-t", "--tag"}, paramLabel = "TAG", description = "Tag every image with TAG instead of its own tags (repeatable).")
    List<String> tags = new ArrayList<>();

    @Option(names = "--registry-credentials", paramLabel = "HOST=USER:PASSWORD_FILE",
            description = "Credentials for a registry: the password is read from PASSWORD_FILE (repeatable). Docker's config.json is used for the others.")
    List<String> registryCredentials = new ArrayList<>();

    @Option(names = "--insecure-registry", paramLabel = "HOST", description = "Reach this registry over plain HTTP (loopback registries always are).")
    List<String> insecureRegistries = new ArrayList<>();

    @Option(names = "--output-file", paramLabel = "FILE", description = "Write the results as a JSON array.")
    Path outputFile;

    @Option(names = "--output-env", paramLabel = "FILE", description = "Write DEVSPACE_IMAGE_<KEY>=repository:tag lines (and _REPOSITORY, _TAG, _DIGEST).")
    Path outputEnv;

    @Option(names = "--builder", paramLabel = "BUILDER", completionCandidates = RunBuilderKinds.class,
            description = "Build every image with this builder, one of: ${COMPLETION-CANDIDATES} (default: each image's own).")
    String builder;

    @Option(names = "--kubeconfig", paramLabel = "FILE", description = "The cluster for kaniko builds and pull secrets (default: KUBECONFIG, "
            + "~/.kube/config, the in-cluster service account).")
    Path kubeconfig;

    @Option(names = "--kube-context", paramLabel = "CONTEXT", description = "The kubeconfig context (default: its current one).")
    String kubeContext;

    @Option(names = {"-n", "--namespace"}, paramLabel = "NAMESPACE", description = "The namespace for kaniko pods and pull secrets (default: the context's).")
    String namespace;

    @Option(names = "--service-account", paramLabel = "NAME", description = "Add pull secrets to this service account (repeatable; default: default).")
    List<String> serviceAccounts = new ArrayList<>();

    @Option(names = "--no-pull-secrets", description = "Create no image pull secrets.")
    boolean noPullSecrets;

    @Parameters(paramLabel = "IMAGE", arity = "0..*", description = "Only these image keys (default: all).")
    List<String> images = new ArrayList<>();

    @Option(names = "--events-json", paramLabel = "FILE", description = "Also write every progress event as one JSON object per line.")
    Path eventsJson;

    @Override
    public Integer call() throws Exception {
        project.check();
        InputCheck.cache(cache);
        InputCheck.tags(tags);
        InputCheck.maxParallel(maxParallel);
        InputCheck.builder(builder);
        InputCheck.insecureRegistries(insecureRegistries);
        InputCheck.output("--output-file", outputFile);
        InputCheck.output("--output-env", outputEnv);
        Map<String, String> env = System.getenv();
        PrintStream console = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        ClusterSettings clusterSettings = new ClusterSettings(kubeconfig == null ? null : kubeconfig.toAbsolutePath(), null, kubeContext, namespace,
                serviceAccounts);
        LocalCluster local = null;
        if (skipPushLocalKube) {
            local = KubeContexts.localCluster(clusterSettings, env).orElse(null);
            if (local == null) {
                console.println("--skip-push-local-kube: the kube context is not a local cluster (kind-*, k3d-*, minikube, docker-desktop); "
                        + "images are pushed");
            } else {
                console.println(local.describe());
                if (local.kind() == LocalCluster.Kind.MINIKUBE) {
                    Map<String, String> merged = new LinkedHashMap<>(env);
                    merged.putAll(MinikubeDockerEnv.read(local.context(), env));
                    env = merged;
                }
            }
        }
        RunOptions options = RunOptions.builder(project.configFile()).projectRoot(project.projectRoot()).cacheFile(project.cacheFile(cache))
                .variables(project.vars).profiles(project.profiles).forceBuild(force).buildSequential(sequential).maxParallel(maxParallel)
                .failFast(failFast).skipPush(skipPush || local != null).tags(tags).images(images).builder(builder).pullSecrets(!noPullSecrets)
                .build();
        Map<String, RegistryCredential> given = parseCredentials(registryCredentials);
        RegistryCredentials credentials = RegistryCredentials.chain(List.of(new StaticCredentials(given, null), new DockerConfigCredentials(env)));
        try (JsonEventWriter json = eventsJson == null ? null : new JsonEventWriter(Files.newBufferedWriter(eventsJson, StandardCharsets.UTF_8),
                Clock.systemUTC())) {
            EventSink events = json == null ? new ConsolePrinter(console) : EventSink.all(List.of(new ConsolePrinter(console), json));
            EngineSettings settings = EngineSettings.of(env, credentials, events)
                    .withSecrets(given.values().stream().map(c -> c.password().reveal()).toList())
                    .withInsecureRegistries(new LinkedHashSet<>(insecureRegistries.stream().map(RegistryHosts::normalise).toList()))
                    .withCluster(clusterSettings)
                    .withLocalCluster(local);
            return run(new BuildEngine(settings), options, console);
        }
    }

    private int run(BuildEngine engine, RunOptions options, PrintStream console) throws Exception {
        CountDownLatch finished = new CountDownLatch(1);
        Thread onCtrlC = new Thread(() -> {
            if (finished.getCount() > 0) {
                console.println("cancelling: stopping running builds...");
                engine.cancel();
                try {
                    finished.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException ignored) {
                    Thread.currentThread().interrupt();
                }
            }
        }, "devspace-build-cancel");
        Runtime.getRuntime().addShutdownHook(onCtrlC);
        try {
            RunResult result = engine.build(options);
            OutputFiles.write(List.of(new OutputFiles.Output("--output-file", outputFile, () -> ResultFiles.json(result)),
                    new OutputFiles.Output("--output-env", outputEnv, () -> ResultFiles.env(PublishedVariables.of(result.images())))),
                    result, !options.skipPush());
            return result.failed() ? 1 : 0;
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(onCtrlC);
            } catch (IllegalStateException ignored) {
                // the JVM is already shutting down (Ctrl-C)
            }
        }
    }

    /** {@code HOST=USER:PASSWORD_FILE}: the password is read from the file, never taken from the command line. */
    static final long PASSWORD_FILE_LIMIT = 64L << 10;

    static Map<String, RegistryCredential> parseCredentials(List<String> specs) throws ConfigException {
        Map<String, RegistryCredential> byRegistry = new LinkedHashMap<>();
        for (String s : specs) {
            int eq = s.indexOf('=');
            int colon = eq < 0 ? -1 : s.indexOf(':', eq);
            if (eq <= 0 || colon < 0 || colon == eq + 1 || colon == s.length() - 1) {
                throw new ConfigException("--registry-credentials '" + redact(s) + "' is not HOST=USER:PASSWORD_FILE");
            }
            String host = RegistryHosts.normalise(s.substring(0, eq));
            String user = s.substring(eq + 1, colon);
            Path file = Path.of(s.substring(colon + 1));
            String password;
            try {
                password = BoundedFiles.readString(file, PASSWORD_FILE_LIMIT, "the password file");
            } catch (BoundedFiles.UnreadableFileException e) {
                throw new ConfigException("--registry-credentials for " + host + ": " + e.getMessage());
            } catch (NoSuchFileException e) {
                // the path is not shown: a person may have typed the password itself where the file goes
                throw new ConfigException("--registry-credentials for " + host + " (user " + user + "): the password file does not exist; "
                        + "give the path of a file that holds only the password, never the password itself");
            } catch (IOException e) {
                throw new ConfigException("--registry-credentials for " + host + " (user " + user + "): the password file cannot be read ("
                        + e.getClass().getSimpleName() + "); give a readable file that holds only the password");
            }
            password = password.endsWith("\r\n") ? password.substring(0, password.length() - 2)
                    : password.endsWith("\n") ? password.substring(0, password.length() - 1) : password;
            if (password.isEmpty()) {
                throw new ConfigException("--registry-credentials for " + host + ": password file " + file + " is empty");
            }
            byRegistry.put(host, new RegistryCredential(host, user, Password.of(password), "--registry-credentials"));
        }
        return byRegistry;
    }

    private static String redact(String s) {
        int colon = s.lastIndexOf(':');
        return colon < 0 ? s : s.substring(0, colon + 1) + "...";
    }

    /** The names {@code --builder} accepts, from {@link BuilderKind}. */
    static final class RunBuilderKinds implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return BuilderKind.runKinds().stream().map(BuilderKind::configName).iterator();
        }
    }
}
