package io.jenkins.plugins.devspacebuild.jenkins;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasEntry;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.domains.Domain;
import com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl;
import hudson.model.Label;
import hudson.model.Result;
import io.jenkins.plugins.devspacebuild.cache.BuildCache;
import java.io.File;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.cps.SnippetizerTester;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jenkinsci.plugins.workflow.steps.StepConfigTester;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.BuildWatcherExtension;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * The Pipeline step in a real Jenkins (jenkins-test-harness 2578.v44660312fd37, pinned by plugin parent 6.2221.va_045130417c9). The
 * images use the custom builder and skipPush, so neither a Docker daemon nor a registry is needed: the whole path
 * (credentials, cache artifact, agent callable, engine, variables) is the real one. Each engine behaviour a test relies
 * on is reproduced where Jenkins cannot run (AgentBuildUnitTest, the CLI): see plugin/README.md.
 */
@WithJenkins
class DevSpaceBuildStepTest {
    @RegisterExtension
    static BuildWatcherExtension buildWatcher = new BuildWatcherExtension();

    static final String PASSWORD = "s3cr3t-Passw0rd";

    /** app builds at once; worker runs WORKER (no image reference appended: skipImageArg). */
    static String project(String workerCommand) {
        return """
                writeFile file: 'devspace.yaml', text: '''version: v2beta1
                images:
                  app:
                    image: 127.0.0.1:1/team/app
                    tags: ["ci-#####"]
                    custom:
                      command: echo building
                      onChange: ["./src/**"]
                  worker:
                    image: 127.0.0.1:1/team/worker
                    custom:
                      command: WORKER
                      skipImageArg: true
                      onChange: ["./worker/**"]
                '''
                writeFile file: 'src/main.txt', text: 'v1'
                writeFile file: 'worker/job.txt', text: 'w1'
                """.replace("WORKER", workerCommand);
    }

    static String pipeline(String workerCommand, String step) {
        return "node {\n" + project(workerCommand) + step + "\n}";
    }

    static String artifact(WorkflowRun b, String name) throws Exception {
        try (InputStream in = b.getArtifactManager().root().child(name).open()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void configRoundTrip(JenkinsRule r) throws Exception {
        DevSpaceBuildStep s = new DevSpaceBuildStep();
        s.setConfig("services/devspace.yaml");
        s.setImages(List.of("api", "web"));
        s.setTags(List.of("ci-${BUILD_NUMBER}", "latest"));
        s.setProfiles(List.of("production", "eu"));
        s.setForceBuild(true);
        s.setBuildSequential(true);
        s.setMaxParallel(2);
        s.setFailFast(true);
        s.setSkipPush(true);
        s.setCredentialsId("registry-creds");
        s.setRegistryCredentials(List.of(new RegistryCredentialsEntry("registry.example.com", "reg-creds")));
        s.setCacheFrom("main");
        s.setNamespace("ci");
        r.assertEqualDataBoundBeans(s, new StepConfigTester(r).configRoundTrip(s));
        DevSpaceBuildStep defaults = new StepConfigTester(r).configRoundTrip(new DevSpaceBuildStep());
        assertThat(defaults.getConfig(), is("devspace.yaml"));
        assertThat(defaults.getImages().isEmpty(), is(true));
        assertThat(defaults.getTags().isEmpty(), is(true));
    }

    @Test
    void snippetRoundTripOfRegistryCredentials(JenkinsRule r) throws Exception {
        DevSpaceBuildStep s = new DevSpaceBuildStep();
        s.setRegistryCredentials(List.of(new RegistryCredentialsEntry("registry.example.com", "reg-creds")));
        new SnippetizerTester(r).assertRoundTrip(s, "devspaceBuild registryCredentials: [[credentialsId: 'reg-creds', registry: 'registry.example.com']]");
        s.setImages(List.of("api", "web"));
        new SnippetizerTester(r).assertRoundTrip(s,
                "devspaceBuild images: ['api', 'web'], registryCredentials: [[credentialsId: 'reg-creds', registry: 'registry.example.com']]");
    }

    @Test
    void forceBuildBuildsAndPublishesAndTheNextBuildSkipsWithTheSameTag(JenkinsRule r) throws Exception {
        WorkflowJob p = r.jenkins.createProject(WorkflowJob.class, "p");
        p.setDefinition(new CpsFlowDefinition(pipeline("echo building worker", """
                def images = devspaceBuild forceBuild: true, skipPush: true
                echo "returned ${images.DEVSPACE_IMAGE_APP}"
                sh 'echo "env sees $DEVSPACE_IMAGE_APP and $DEVSPACE_IMAGE_WORKER_TAG"'
                """), true));
        WorkflowRun b1 = r.buildAndAssertSuccess(p);
        r.assertLogContains("[app] build: forced", b1);
        r.assertLogContains("[app] building with the custom command: echo building", b1);
        r.assertLogContains("returned 127.0.0.1:1/team/app:ci-", b1);
        r.assertLogContains("env sees 127.0.0.1:1/team/app:ci-", b1);
        assertThat(b1.getArtifactManager().root().child(BuildCache.FILE_NAME).isFile(), is(true));
        DevSpaceBuildAction action = b1.getAction(DevSpaceBuildAction.class);
        assertThat(action, notNullValue());
        assertThat(action.getRows().size(), is(2));
        String tag = action.getVariables().get("DEVSPACE_IMAGE_APP");

        p.setDefinition(new CpsFlowDefinition(pipeline("echo building worker", """
                def images = devspaceBuild skipPush: true
                echo "returned ${images.DEVSPACE_IMAGE_APP}"
                """), true));
        WorkflowRun b2 = r.buildAndAssertSuccess(p);
        r.assertLogContains("devspace-build: cache from p #1", b2);
        r.assertLogContains("[app] skip: unchanged since", b2);
        r.assertLogContains("returned " + tag, b2);
    }

    @Test
    void failedImageFailsTheBuildButTheOthersAreCachedAndPublished(JenkinsRule r) throws Exception {
        WorkflowJob p = r.jenkins.createProject(WorkflowJob.class, "p");
        // sh -c 'exit 3' behaves alike in dash, bash and busybox (a bare "exit 3" with arguments after it does not)
        p.setDefinition(new CpsFlowDefinition(pipeline("exit 3", "devspaceBuild skipPush: true"), true));
        WorkflowRun b = r.buildAndAssertStatus(Result.FAILURE, p);
        r.assertLogContains("devspaceBuild: 1 of 2 images failed: worker (custom build command exited with code 3", b);
        assertThat(artifact(b, BuildCache.FILE_NAME), containsString("\"app\""));
        assertThat(b.getAction(DevSpaceBuildAction.class).getVariables(), hasKey("DEVSPACE_IMAGE_APP"));
    }

    @Test
    void aPasswordACommandPrintsIsMaskedInTheLogTheBuildRecordTheRowsAndTheError(JenkinsRule r) throws Exception {
        CredentialsProvider.lookupStores(r.jenkins).iterator().next().addCredentials(Domain.global(),
                new UsernamePasswordCredentialsImpl(CredentialsScope.GLOBAL, "reg", "registry", "builder", PASSWORD));
        WorkflowJob p = r.jenkins.createProject(WorkflowJob.class, "p");
        // the password reaches the workspace without appearing in the script (which build.xml keeps); $$( is the
        // literal $( for the shell at build time (a single $( would be a config expression, run when devspace.yaml is read)
        p.setDefinition(new CpsFlowDefinition("node {\n" + project("echo \"login with $$(cat ../pw.txt)\"; exit 4")
                + "withCredentials([usernamePassword(credentialsId: 'reg', usernameVariable: 'U', passwordVariable: 'PW')]) {\n"
                + "  sh 'printf %s \"$PW\" > ../pw.txt'\n}\n"
                + "try { devspaceBuild credentialsId: 'reg', skipPush: true } finally { sh 'rm -f ../pw.txt' }\n}", true));
        WorkflowRun b = r.buildAndAssertStatus(Result.FAILURE, p);
        r.assertLogContains("devspaceBuild: 1 of 2 images failed: worker (", b);
        r.assertLogContains("login with ****", b);
        r.assertLogNotContains(PASSWORD, b);
        assertThat(Files.readString(new File(b.getRootDir(), "build.xml").toPath()), not(containsString(PASSWORD)));
        for (ImageRow row : b.getAction(DevSpaceBuildAction.class).getRows()) {
            assertThat(row.getReason(), not(containsString(PASSWORD)));
        }
        assertThat(artifact(b, BuildCache.FILE_NAME), not(containsString(PASSWORD)));
    }

    @Test
    void missingCredentialIsAClearError(JenkinsRule r) throws Exception {
        WorkflowJob p = r.jenkins.createProject(WorkflowJob.class, "p");
        p.setDefinition(new CpsFlowDefinition(pipeline("echo building worker", "devspaceBuild credentialsId: 'nope'"), true));
        r.assertLogContains("devspaceBuild: no credential with id 'nope' is visible to this build", r.buildAndAssertStatus(Result.FAILURE, p));
    }

    @Test
    void badOptionsAndBadConfigAreClearErrors(JenkinsRule r) throws Exception {
        WorkflowJob p = r.jenkins.createProject(WorkflowJob.class, "p");
        p.setDefinition(new CpsFlowDefinition("node { devspaceBuild maxParallel: -1 }", true));
        r.assertLogContains("devspaceBuild: maxParallel must be 0 (the default cap) or more, not -1", r.buildAndAssertStatus(Result.FAILURE, p));
        p.setDefinition(new CpsFlowDefinition("node { writeFile file: 'devspace.yaml', text: 'version: v2beta1\\nimages:\\n  a:\\n    image: x/a\\n"
                + "    tagz: [a]\\n    custom:\\n      command: echo hi\\n'\ndevspaceBuild() }", true));
        WorkflowRun b = r.buildAndAssertStatus(Result.FAILURE, p);
        r.assertLogContains("devspace.yaml:5:5: images.a.tagz: unknown key; did you mean 'tags'?", b);
    }

    @Test
    void abortingStopsTheBuildsOnTheAgentAndArchivesWhatFinished(JenkinsRule r) throws Exception {
        WorkflowJob p = r.jenkins.createProject(WorkflowJob.class, "p");
        p.setDefinition(new CpsFlowDefinition(pipeline("sleep 300", "devspaceBuild skipPush: true"), true));
        WorkflowRun b = p.scheduleBuild2(0).waitForStart();
        r.waitForMessage("[app] built", b);
        r.waitForMessage("[worker] building with the custom command: sleep 300", b);
        long t0 = System.nanoTime();
        b.doStop();
        r.assertBuildStatus(Result.ABORTED, r.waitForCompletion(b));
        assertThat((System.nanoTime() - t0) / 1_000_000_000L, lessThan(DevSpaceBuildExecution.STOP_WAIT_SECONDS));
        r.assertLogContains("devspace-build: stopping the builds on the agent", b);
        r.assertLogNotContains("did not stop within", b);
        String cache = artifact(b, BuildCache.FILE_NAME);
        assertThat(cache, containsString("\"app\""));
        assertThat(cache, not(containsString("\"worker\"")));
    }

    @Test
    void onARemoteAgentTheResultCrossesTheChannelAndTheVariablesArePublished(JenkinsRule r) throws Exception {
        r.createOnlineSlave(Label.get("remote"));
        WorkflowJob p = r.jenkins.createProject(WorkflowJob.class, "p");
        p.setDefinition(new CpsFlowDefinition("node('remote') {\n" + project("echo building worker") + """
                def images = devspaceBuild forceBuild: true, skipPush: true
                echo "returned ${images.DEVSPACE_IMAGE_WORKER}"
                sh 'echo "env sees $DEVSPACE_IMAGE_APP"'
                }
                """, true));
        WorkflowRun b = r.buildAndAssertSuccess(p);
        // the custom command ran through the build's Launcher (BuildLauncher): its output came back over the channel
        r.assertLogContains("[worker] building worker", b);
        r.assertLogContains("returned 127.0.0.1:1/team/worker:", b);
        r.assertLogContains("env sees 127.0.0.1:1/team/app:ci-", b);
        r.assertLogNotContains("Rejected:", b);
        assertThat(b.getAction(DevSpaceBuildAction.class).getVariables(), hasKey("DEVSPACE_IMAGE_WORKER_TAG"));
        assertThat(b.getArtifactManager().root().child(BuildCache.FILE_NAME).isFile(), is(true));
    }

    @Test
    void twoCallsInParallelKeepBothCachesAndAllVariables(JenkinsRule r) throws Exception {
        WorkflowJob p = r.jenkins.createProject(WorkflowJob.class, "p");
        String one = "version: v2beta1\\nimages:\\n  KEY:\\n    image: 127.0.0.1:1/team/KEY\\n    custom:\\n      command: sleep 1\\n"
                + "      skipImageArg: true\\n";
        p.setDefinition(new CpsFlowDefinition("node {\n"
                + "writeFile file: 'a/devspace.yaml', text: '" + one.replace("KEY", "alpha") + "'\n"
                + "writeFile file: 'b/devspace.yaml', text: '" + one.replace("KEY", "beta") + "'\n"
                + "parallel one: { devspaceBuild config: 'a/devspace.yaml', skipPush: true },\n"
                + "         two: { devspaceBuild config: 'b/devspace.yaml', skipPush: true }\n"
                + "sh 'echo \"both: $DEVSPACE_IMAGE_ALPHA $DEVSPACE_IMAGE_BETA\"'\n}", true));
        WorkflowRun b = r.buildAndAssertSuccess(p);
        r.assertLogContains("both: 127.0.0.1:1/team/alpha:", b);
        r.assertLogContains(" 127.0.0.1:1/team/beta:", b);
        assertThat(b.getAction(DevSpaceBuildAction.class).getVariables(), hasKey("DEVSPACE_IMAGE_ALPHA"));
        assertThat(b.getAction(DevSpaceBuildAction.class).getVariables(), hasKey("DEVSPACE_IMAGE_BETA"));
        assertThat(b.getAction(DevSpaceBuildAction.class).getRows().size(), is(2));
        assertThat(artifact(b, CacheArtifact.name("a/devspace.yaml")), containsString("\"alpha\""));
        assertThat(artifact(b, CacheArtifact.name("b/devspace.yaml")), containsString("\"beta\""));
        // the saved build record has both
        WorkflowRun reloaded = p.getBuildByNumber(b.getNumber());
        assertThat(reloaded.getAction(DevSpaceBuildAction.class).getVariables(), hasEntry("DEVSPACE_IMAGE_BETA",
                b.getAction(DevSpaceBuildAction.class).getVariables().get("DEVSPACE_IMAGE_BETA")));
        assertThat(Files.readString(new File(b.getRootDir(), "build.xml").toPath()), containsString("DEVSPACE_IMAGE_ALPHA"));
    }
}
