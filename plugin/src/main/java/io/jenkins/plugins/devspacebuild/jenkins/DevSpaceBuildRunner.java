package io.jenkins.plugins.devspacebuild.jenkins;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.slaves.WorkspaceList;
import hudson.util.Secret;
import io.jenkins.plugins.devspacebuild.cache.CacheStore;
import io.jenkins.plugins.devspacebuild.ci.CacheLookup;
import io.jenkins.plugins.devspacebuild.ci.JobHistory;
import io.jenkins.plugins.devspacebuild.result.ImageResult;
import io.jenkins.plugins.devspacebuild.result.PublishedVariables;
import io.jenkins.plugins.devspacebuild.result.RunResult;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import jenkins.util.BuildListenerAdapter;

/**
 * One devspaceBuild, for the Pipeline step and the freestyle build step alike: on the controller it resolves the
 * credentials and finds the cache of an earlier build, runs the engine on the agent, archives the updated cache as an
 * artifact of this build (also when images failed or the build was aborted), and publishes the tags. Every string it
 * makes from the engine's results (the error, the rows saved with the build) is masked with all of the call's secrets.
 */
final class DevSpaceBuildRunner {
    static final String LOG_PREFIX = "devspace-build: ";

    private final BuildSettings settings;
    private final Run<?, ?> run;
    private final FilePath workspace;
    private final EnvVars env;
    private final Launcher launcher;
    private final TaskListener listener;
    /** Names this call's engine on the agent, so that {@link #stopOnAgent()} can cancel it. */
    private final String token = UUID.randomUUID().toString();
    /** Set once {@link #stopOnAgent()} was called (by the Pipeline step's stop, which bounds the wait itself). */
    private volatile boolean stopRequested;

    DevSpaceBuildRunner(BuildSettings settings, Run<?, ?> run, FilePath workspace, EnvVars env, Launcher launcher, TaskListener listener) {
        this.settings = settings;
        this.run = run;
        this.workspace = workspace;
        this.env = env;
        this.launcher = launcher;
        this.listener = listener;
    }

    /** Returns the published variables; throws {@link AbortException} when an image failed or nothing could run. */
    TreeMap<String, String> run() throws IOException, InterruptedException {
        PrintStream log = listener.getLogger();
        StepOptions options = settings.toStepOptions(env::expand);
        List<String> problems = options.problems();
        if (!problems.isEmpty()) {
            throw new AbortException("devspaceBuild: " + String.join("; ", problems));
        }
        List<AgentCredential> credentials = JenkinsCredentials.resolve(run, settings);
        Secret kubeconfig = JenkinsCredentials.kubeconfig(run, settings);
        StepSecrets secrets = StepSecrets.of(credentials, kubeconfig == null ? null : kubeconfig.getPlainText());
        UnaryOperator<String> mask = secrets.masker();

        String artifact = CacheArtifact.name(options.config());
        Optional<JobHistory> cacheFrom = JenkinsJobHistory.sibling(run, settings.cacheFrom, artifact).map(j -> j);
        if (settings.cacheFrom != null && cacheFrom.isEmpty()) {
            log.println(LOG_PREFIX + "cacheFrom: there is no job '" + settings.cacheFrom + "' next to this one that this build may read");
        }
        Optional<JobHistory> changeTarget = JenkinsJobHistory.sibling(run, env.get("CHANGE_TARGET"), artifact).map(j -> j);
        CacheLookup.Found found = CacheLookup.find(JenkinsJobHistory.record(run, artifact), JenkinsJobHistory.before(run, artifact), cacheFrom,
                changeTarget);
        found.notes().forEach(n -> log.println(LOG_PREFIX + n));
        log.println(LOG_PREFIX + found.source());

        // one directory per call: two calls in parallel branches of one build must not share their cache file
        FilePath tmp = WorkspaceList.tempDir(workspace).child("devspace-build").child(token);
        tmp.mkdirs();
        FilePath cacheFile = tmp.child(artifact);
        if (stopRequested) {
            throw new AbortException("devspaceBuild: stopped before any image was built");
        }
        AgentOutcome outcome;
        try {
            outcome = workspace.act(new AgentBuild(token, options, CacheStore.toJson(found.cache()), cacheFile.getRemote(), env, credentials, listener,
                    kubeconfig, settings.namespace, secrets, workspace.getChannel().export(BuildLauncher.Remote.class,
                    new BuildLauncher.ControllerSide(launcher))));
        } catch (IOException | InterruptedException | RuntimeException e) {
            boolean interrupted = Thread.interrupted(); // archive even when this thread was interrupted, then restore it
            try {
                if (e instanceof InterruptedException && !stopRequested) {
                    // remoting returned at once (freestyle abort, or the step's 60 s limit); the agent may still be
                    // stopping its builds: wait until it has, so that images finishing meanwhile are in the cache
                    stopOnAgent();
                }
                archive(tmp, artifact);
            } catch (IOException | InterruptedException | RuntimeException archiveFailure) {
                e.addSuppressed(archiveFailure);
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
            throw e;
        }
        archive(tmp, artifact);
        if (outcome.error != null) {
            throw new AbortException(mask.apply(outcome.error));
        }
        RunResult result = outcome.result;
        DevSpaceBuildAction.publish(run, result, mask);
        TreeMap<String, String> published = new TreeMap<>(PublishedVariables.of(result.images()));
        published.replaceAll((k, v) -> mask.apply(v));
        if (result.cancelled()) {
            throw new AbortException("devspaceBuild: cancelled; the cache keeps the images that finished");
        }
        if (result.failed()) {
            List<ImageResult> failed = result.images().stream().filter(ImageResult::failed).toList();
            throw new AbortException(mask.apply("devspaceBuild: " + failed.size() + " of " + result.images().size() + " images failed: "
                    + failed.stream().map(f -> f.name() + " (" + firstLine(f.reason()) + ")").collect(Collectors.joining(", "))));
        }
        return published;
    }

    /**
     * Asks the agent to cancel this call's engine (a separate channel call; the one running {@link #run()} keeps
     * waiting for the result). Returns when the engine's builds have stopped; false when nothing was running there.
     */
    boolean stopOnAgent() throws IOException, InterruptedException {
        stopRequested = true;
        return workspace.act(new AgentBuild.Stop(token));
    }

    /** Archives the cache the engine wrote (every image that finished is in it), whatever happened to the run. */
    private void archive(FilePath tmp, String artifact) throws IOException, InterruptedException {
        FilePath cacheFile = tmp.child(artifact);
        if (cacheFile.exists()) {
            run.pickArtifactManager().archive(tmp, launcher, BuildListenerAdapter.wrap(listener), Map.of(artifact, artifact));
        }
        tmp.deleteRecursive();
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
