package io.jenkins.plugins.devspacebuild.jenkins;

import hudson.model.Result;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.junit.jupiter.JenkinsSessionExtension;

/** A controller restart while devspaceBuild runs (jenkins-test-harness JenkinsSessionExtension: two Jenkins sessions). */
class DevSpaceBuildRestartTest {
    @RegisterExtension
    private final JenkinsSessionExtension sessions = new JenkinsSessionExtension();

    @Test
    void afterARestartTheStepFailsWithAClearMessageInsteadOfHanging() throws Throwable {
        sessions.then(r -> {
            WorkflowJob p = r.jenkins.createProject(WorkflowJob.class, "p");
            // the session's Jenkins stops, but this JVM (and the engine's thread and its sleep) carries on into the next
            // session: the sleep must outlast the restart, or the old call could complete the step before onResume fails it
            p.setDefinition(new CpsFlowDefinition(DevSpaceBuildStepTest.pipeline("sleep 90", "devspaceBuild skipPush: true"), true));
            WorkflowRun b = p.scheduleBuild2(0).waitForStart();
            r.waitForMessage("[worker] building with the custom command: sleep 90", b);
        });
        sessions.then(r -> {
            WorkflowRun b = r.jenkins.getItemByFullName("p", WorkflowJob.class).getBuildByNumber(1);
            r.assertBuildStatus(Result.FAILURE, r.waitForCompletion(b));
            r.assertLogContains("devspaceBuild: Jenkins restarted while the images were being built", b);
            r.assertLogContains("Re-run the build", b);
        });
    }
}
