package io.jenkins.plugins.devspacebuild.jenkins;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.domains.Domain;
import com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl;
import hudson.model.Result;
import io.jenkins.plugins.devspacebuild.cache.BuildCache;
import java.util.List;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jenkinsci.plugins.workflow.steps.StepConfigTester;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.BuildWatcherExtension;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * The Pipeline step in a real Jenkins (run with -Pjenkins). The images use the custom builder, so no Docker daemon is
 * needed: the whole path (credentials, cache artifact, agent callable, engine, variables) is the real one.
 */
@WithJenkins
class DevSpaceBuildStepTest {
    @RegisterExtension
    static BuildWatcherExtension buildWatcher = new BuildWatcherExtension();

    static final String PROJECT = """
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
                  command: CMD
                  onChange: ["./worker/**"]
            '''
            writeFile file: 'src/main.txt', text: 'v1'
            writeFile file: 'worker/job.txt', text: 'w1'
            """;

    static String pipeline(String workerCommand, String step) {
        return "node {\n" + PROJECT.replace("CMD", workerCommand) + step + "\n}";
    }

    @Test
    void configRoundTrip(JenkinsRule r) throws Exception {
        DevSpaceBuildStep s = new DevSpaceBuildStep();
        s.setConfig("services/devspace.yaml");
        s.setForceBuild(true);
        s.setBuildSequential(true);
        s.setMaxParallel(2);
        s.setFailFast(true);
        s.setSkipPush(true);
        s.setCredentialsId("registry-creds");
        s.setRegistryCredentials(List.of(new RegistryCredentialsEntry("registry.example.com", "reg-creds")));
        s.setCacheFrom("main");
        r.assertEqualDataBoundBeans(s, new StepConfigTester(r).configRoundTrip(s));
        DevSpaceBuildStep defaults = new StepConfigTester(r).configRoundTrip(new DevSpaceBuildStep());
        assertThat(defaults.getConfig(), is("devspace.yaml"));
    }

    @Test
    void forceBuildAloneBuildsPublishesAndTheNextBuildSkips(JenkinsRule r) throws Exception {
        WorkflowJob p = r.jenkins.createProject(WorkflowJob.class, "p");
        p.setDefinition(new CpsFlowDefinition(pipeline("echo building worker", """
                def images = devspaceBuild forceBuild: true
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

        p.setDefinition(new CpsFlowDefinition(pipeline("echo building worker", """
                def images = devspaceBuild()
                echo "returned ${images.DEVSPACE_IMAGE_APP}"
                """), true));
        WorkflowRun b2 = r.buildAndAssertSuccess(p);
        r.assertLogContains("devspace-build: cache from p #1", b2);
        r.assertLogContains("[app] skip: unchanged since", b2);
        r.assertLogContains("returned " + action.getVariables().get("DEVSPACE_IMAGE_APP"), b2);
    }

    @Test
    void failedImageFailsTheBuildButTheOthersAreCachedAndPublished(JenkinsRule r) throws Exception {
        WorkflowJob p = r.jenkins.createProject(WorkflowJob.class, "p");
        p.setDefinition(new CpsFlowDefinition(pipeline("exit 3", "devspaceBuild skipPush: true"), true));
        WorkflowRun b = r.buildAndAssertStatus(Result.FAILURE, p);
        r.assertLogContains("devspaceBuild: 1 of 2 images failed: worker (custom build command exited with code 3", b);
        assertThat(b.getArtifactManager().root().child(BuildCache.FILE_NAME).isFile(), is(true));
        assertThat(b.getAction(DevSpaceBuildAction.class).getVariables().containsKey("DEVSPACE_IMAGE_APP"), is(true));
    }

    @Test
    void credentialsAreResolvedByIdAndNeverLogged(JenkinsRule r) throws Exception {
        CredentialsProvider.lookupStores(r.jenkins).iterator().next().addCredentials(Domain.global(),
                new UsernamePasswordCredentialsImpl(CredentialsScope.GLOBAL, "reg", "registry", "builder", "s3cr3t-Passw0rd"));
        WorkflowJob p = r.jenkins.createProject(WorkflowJob.class, "p");
        p.setDefinition(new CpsFlowDefinition(pipeline("echo building worker", "devspaceBuild credentialsId: 'reg', skipPush: true"), true));
        WorkflowRun b = r.buildAndAssertSuccess(p);
        r.assertLogNotContains("s3cr3t-Passw0rd", b);

        p.setDefinition(new CpsFlowDefinition(pipeline("echo building worker", "devspaceBuild credentialsId: 'nope'"), true));
        WorkflowRun missing = r.buildAndAssertStatus(Result.FAILURE, p);
        r.assertLogContains("devspaceBuild: no credential with id 'nope' is visible to this build", missing);
    }

    @Test
    void badOptionsAndBadConfigAreClearErrors(JenkinsRule r) throws Exception {
        WorkflowJob p = r.jenkins.createProject(WorkflowJob.class, "p");
        p.setDefinition(new CpsFlowDefinition("node { devspaceBuild maxParallel: -1 }", true));
        r.assertLogContains("devspaceBuild: maxParallel must be 0 (all images at once) or more, not -1", r.buildAndAssertStatus(Result.FAILURE, p));
        p.setDefinition(new CpsFlowDefinition("node { writeFile file: 'devspace.yaml', text: 'version: v2beta1\\nimages:\\n  a:\\n    imag: x/a\\n'\n"
                + "devspaceBuild() }", true));
        WorkflowRun b = r.buildAndAssertStatus(Result.FAILURE, p);
        r.assertLogContains("devspace.yaml:4:5: images.a.imag: unknown key; did you mean 'image'?", b);
    }

    @Test
    void abortingStopsTheBuildsAndArchivesWhatFinished(JenkinsRule r) throws Exception {
        WorkflowJob p = r.jenkins.createProject(WorkflowJob.class, "p");
        p.setDefinition(new CpsFlowDefinition(pipeline("sleep 300", "devspaceBuild skipPush: true"), true));
        WorkflowRun b = p.scheduleBuild2(0).waitForStart();
        r.waitForMessage("[app] built", b);
        r.waitForMessage("[worker] building with the custom command: sleep 300", b);
        b.doStop();
        r.assertBuildStatus(Result.ABORTED, r.waitForCompletion(b));
        assertThat(b.getArtifactManager().root().child(BuildCache.FILE_NAME).isFile(), is(true));
        String cache = new String(b.getArtifactManager().root().child(BuildCache.FILE_NAME).open().readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(cache, containsString("\"app\""));
    }
}
