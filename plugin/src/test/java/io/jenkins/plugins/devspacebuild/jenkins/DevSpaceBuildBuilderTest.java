package io.jenkins.plugins.devspacebuild.jenkins;

import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.tasks.Shell;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** The freestyle build step in a real Jenkins (run with -Pjenkins). */
@WithJenkins
class DevSpaceBuildBuilderTest {
    @TempDir
    Path workspace;

    @Test
    void configRoundTrip(JenkinsRule r) throws Exception {
        FreeStyleProject p = r.createFreeStyleProject();
        DevSpaceBuildBuilder b = new DevSpaceBuildBuilder();
        b.setConfig("deploy/devspace.yaml");
        b.setImages("api web");
        b.setTags("ci-${BUILD_NUMBER} latest");
        b.setProfiles("production eu");
        b.setForceBuild(true);
        b.setMaxParallel(3);
        b.setCredentialsId("registry-creds");
        b.setRegistryCredentials(List.of(new RegistryCredentialsEntry("registry.example.com", "reg")));
        p.getBuildersList().add(b);
        r.configRoundtrip(p);
        r.assertEqualDataBoundBeans(b, p.getBuildersList().get(DevSpaceBuildBuilder.class));
    }

    @Test
    void laterBuildStepsSeeTheVariables(JenkinsRule r) throws Exception {
        Files.writeString(workspace.resolve("devspace.yaml"), "version: v2beta1\nimages:\n  backend-api:\n    image: 127.0.0.1:1/team/api\n"
                + "    custom:\n      command: echo building\n      onChange: [\"./src/**\"]\n", StandardCharsets.UTF_8);
        Files.createDirectories(workspace.resolve("src"));
        Files.writeString(workspace.resolve("src/a.txt"), "a", StandardCharsets.UTF_8);
        FreeStyleProject p = r.createFreeStyleProject();
        p.setCustomWorkspace(workspace.toString());
        DevSpaceBuildBuilder b = new DevSpaceBuildBuilder();
        b.setSkipPush(true);
        b.setTags("ci-${BUILD_NUMBER}");
        p.getBuildersList().add(b);
        p.getBuildersList().add(new Shell("echo \"deploying $DEVSPACE_IMAGE_BACKEND_API\""));
        FreeStyleBuild build = r.buildAndAssertSuccess(p);
        r.assertLogContains("deploying 127.0.0.1:1/team/api:ci-1", build);
    }
}
