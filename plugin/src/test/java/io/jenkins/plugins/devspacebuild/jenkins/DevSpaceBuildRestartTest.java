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

    /** Runs until a file named stop appears in the workspace (the custom command runs in the directory of devspace.yaml). */
    static final String WORKER = "until [ -f stop ]; do sleep 1; done; true";

    @Test
    void afterARestartTheStepFailsWithAClearMessageInsteadOfHanging() throws Throwable {
        sessions.then(r -> {
            WorkflowJob p = r.jenkins.createProject(WorkflowJob.class, "p");
            // This session's Jenkins stops, but the JVM (the engine's thread and the worker's process) carries on into the
            // next session. So the worker runs until the next session has checked the build, then is told to end (a
            // fixed sleep could end first and complete the old call's step before onResume fails it). "; true": the
            // custom builder appends "$@" even with skipImageArg, which must not follow "done".
            p.setDefinition(new CpsFlowDefinition(DevSpaceBuildStepTest.pipeline(WORKER, "devspaceBuild skipPush: true"), true));
            WorkflowRun b = p.scheduleBuild2(0).waitForStart();
            r.waitForMessage("[worker] building with the custom command: " + WORKER, b);
        });
        sessions.then(r -> {
            WorkflowJob p = r.jenkins.getItemByFullName("p", WorkflowJob.class);
            WorkflowRun b = p.getBuildByNumber(1);
            try {
                r.assertBuildStatus(Result.FAILURE, r.waitForCompletion(b));
                r.assertLogContains("devspaceBuild: Jenkins restarted while the images were being built", b);
                r.assertLogContains("Re-run the build", b);
            } finally {
                r.jenkins.getWorkspaceFor(p).child("stop").write("", "UTF-8");
            }
        });
    }
}
