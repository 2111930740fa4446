package io.jenkins.plugins.devspacebuild.jenkins;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.slaves.WorkspaceList;
import hudson.util.Secret;
import io.jenkins.plugins.devspacebuild.cache.BuildCache;
import io.jenkins.plugins.devspacebuild.cache.CacheStore;
import io.jenkins.plugins.devspacebuild.ci.CacheLookup;
import io.jenkins.plugins.devspacebuild.ci.JobHistory;
import io.jenkins.plugins.devspacebuild.jenkins.StepOptions;
import io.jenkins.plugins.devspacebuild.result.ImageResult;
import io.jenkins.plugins.devspacebuild.result.PublishedVariables;
import io.jenkins.plugins.devspacebuild.result.RunResult;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import jenkins.util.BuildListenerAdapter;

/**
 * One devspaceBuild, for the Pipeline step and the freestyle build step alike: on the controller it resolves the
 * credentials and finds the cache of an earlier build, runs the engine on the agent, archives the updated cache as an
 * artifact of this build (also when images failed or the build was aborted), and publishes the tags.
 */
final class DevSpaceBuildRunner {
    static final String LOG_PREFIX = "devspace-build: ";

    private final BuildSettings settings;
    private final Run<?, ?> run;
    private final FilePath workspace;
    private final EnvVars env;
    private final Launcher launcher;
    private final TaskListener listener;

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

        Optional<JobHistory> cacheFrom = JenkinsJobHistory.sibling(run, settings.cacheFrom).map(j -> j);
        if (settings.cacheFrom != null && cacheFrom.isEmpty()) {
            log.println(LOG_PREFIX + "cacheFrom: there is no job '" + settings.cacheFrom + "' next to this one that this build may read");
        }
        Optional<JobHistory> changeTarget = JenkinsJobHistory.sibling(run, env.get("CHANGE_TARGET")).map(j -> j);
        CacheLookup.Found found = CacheLookup.find(JenkinsJobHistory.record(run), JenkinsJobHistory.before(run), cacheFrom, changeTarget);
        found.notes().forEach(n -> log.println(LOG_PREFIX + n));
        log.println(LOG_PREFIX + found.source());

        FilePath tmp = WorkspaceList.tempDir(workspace).child("devspace-build");
        tmp.mkdirs();
        FilePath cacheFile = tmp.child(BuildCache.FILE_NAME);
        if (cacheFile.exists()) {
            cacheFile.delete();
        }
        AgentOutcome outcome;
        try {
            outcome = workspace.act(new AgentBuild(options, CacheStore.toJson(found.cache()), cacheFile.getRemote(), env, credentials, listener,
                    kubeconfig, settings.namespace));
        } catch (IOException | InterruptedException | RuntimeException e) {
            try {
                archive(tmp, cacheFile);
            } catch (IOException | InterruptedException | RuntimeException archiveFailure) {
                e.addSuppressed(archiveFailure);
            }
            throw e;
        }
        archive(tmp, cacheFile);
        if (outcome.error != null) {
            throw new AbortException(outcome.error);
        }
        RunResult result = outcome.result;
        DevSpaceBuildAction action = DevSpaceBuildAction.merge(run.getAction(DevSpaceBuildAction.class), result);
        run.addOrReplaceAction(action);
        TreeMap<String, String> published = new TreeMap<>(PublishedVariables.of(result.images()));
        if (result.failed()) {
            List<ImageResult> failed = result.images().stream().filter(ImageResult::failed).toList();
            throw new AbortException("devspaceBuild: " + failed.size() + " of " + result.images().size() + " images failed: "
                    + failed.stream().map(f -> f.name() + " (" + firstLine(f.reason()) + ")").collect(Collectors.joining(", ")));
        }
        return published;
    }

    /** Archives the cache the engine wrote (every image that built is in it), whatever happened to the run. */
    private void archive(FilePath tmp, FilePath cacheFile) throws IOException, InterruptedException {
        if (!cacheFile.exists()) {
            return;
        }
        run.pickArtifactManager().archive(tmp, launcher, BuildListenerAdapter.wrap(listener), Map.of(BuildCache.FILE_NAME, BuildCache.FILE_NAME));
        cacheFile.delete();
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
