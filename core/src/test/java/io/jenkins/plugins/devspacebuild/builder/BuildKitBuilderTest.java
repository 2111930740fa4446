package io.jenkins.plugins.devspacebuild.builder;

import static io.jenkins.plugins.devspacebuild.testing.TestFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.devspacebuild.cache.ContextDigest;
import io.jenkins.plugins.devspacebuild.config.BuildKitSpec;
import io.jenkins.plugins.devspacebuild.config.ImageConfig;
import io.jenkins.plugins.devspacebuild.config.ImageName;
import io.jenkins.plugins.devspacebuild.config.Location;
import io.jenkins.plugins.devspacebuild.config.RebuildStrategy;
import io.jenkins.plugins.devspacebuild.context.BuildContext;
import io.jenkins.plugins.devspacebuild.context.ContextWalker;
import io.jenkins.plugins.devspacebuild.docker.DockerDaemon;
import io.jenkins.plugins.devspacebuild.event.EventSink;
import io.jenkins.plugins.devspacebuild.registry.RegistryCredentials;
import io.jenkins.plugins.devspacebuild.registry.RetryPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The buildKit builder's command line (buildx is not installed on every machine: the build itself runs in
 * {@code BuildKitBuildIT} where it is), and its errors when the tools are missing.
 */
class BuildKitBuilderTest {
    @TempDir
    Path tmp;

    ImageConfig image(BuildKitSpec spec, Map<String, String> buildArgs, String target, String network) {
        return new ImageConfig("api", ImageName.parse("127.0.0.1:5000/team/api"), List.of(), tmp.resolve("Dockerfile"), tmp, null, null,
                List.of(), buildArgs, target, network, RebuildStrategy.DEFAULT, false, true, spec, true, false, Location.of("devspace.yaml"));
    }

    BuildInput input(String dockerfileText) throws Exception {
        write(tmp, "Dockerfile", "FROM scratch\n");
        BuildContext ctx = ContextWalker.walk(tmp, tmp.resolve("Dockerfile"), tmp);
        return new BuildInput(dockerfileText, ctx, new ContextDigest("x", Map.of(), Map.of()), "FROM scratch\n");
    }

    @Test
    void commandLineCarriesTagsTargetNetworkArgNamesAndLoad() throws Exception {
        BuildKitSpec spec = new BuildKitSpec(null, List.of("--platform", "linux/amd64"), true);
        BuildRequest r = new BuildRequest(image(spec, Map.of("TOKEN", "s3cret", "A", "1"), "prod", "none"), input("FROM scratch\n"),
                List.of("t1", "latest"), true);
        List<String> cmd = BuildKitBuilder.command(Path.of("/usr/bin/docker"), spec, r, Path.of("/tmp/iid"));
        assertThat(cmd).containsExactly("/usr/bin/docker", "buildx", "build", "--file", "Dockerfile", "--iidfile", "/tmp/iid",
                "--build-arg", "A", "--build-arg", "TOKEN",
                "--tag", "127.0.0.1:5000/team/api:t1", "--tag", "127.0.0.1:5000/team/api:latest",
                "--target", "prod", "--network", "none", "--load", "--platform", "linux/amd64", "-");
        assertThat(String.join(" ", cmd)).doesNotContain("s3cret");
    }

    @Test
    void anOverriddenDockerfileTravelsAsAGeneratedEntryAndCustomCommandAndOutputFlagsAreKept() throws Exception {
        BuildKitSpec spec = new BuildKitSpec(List.of("/opt/buildx-wrapper", "--debug"), List.of("--output=type=registry"), true);
        BuildRequest r = new BuildRequest(image(spec, Map.of(), null, null), input("FROM scratch\nENTRYPOINT [\"/x\"]\n"), List.of("t1"), false);
        List<String> cmd = BuildKitBuilder.command(Path.of("/opt/buildx-wrapper"), spec, r, Path.of("/tmp/iid"));
        assertThat(cmd.subList(0, 4)).containsExactly("/opt/buildx-wrapper", "--debug", "build", "--file");
        assertThat(cmd.get(4)).startsWith(".dockerfile.");
        assertThat(cmd).doesNotContain("--load").endsWith("--output=type=registry", "-");
    }

    @Test
    void missingCommandOrBuildxPluginIsAClearError() throws Exception {
        BuildKitSpec spec = BuildKitSpec.DEFAULT;
        BuildRequest r = new BuildRequest(image(spec, Map.of(), null, "none"), input("FROM scratch\n"), List.of("t1"), false);
        Map<String, String> noPath = Map.of("PATH", tmp.toString());
        BuildServices none = new BuildServices(noPath, RegistryCredentials.NONE, EventSink.NONE, RetryPolicy.NONE, tmp, Set.of());
        assertThatThrownBy(() -> new BuildKitBuilder(DockerDaemon.fromEnvironment(noPath), none, spec).build(r))
                .isInstanceOf(BuildFailedException.class)
                .hasMessageStartingWith("'docker' is not on this machine's PATH; images.api.buildKit builds with docker buildx.");

        // a docker CLI without the buildx plugin (a stand-in that fails 'buildx version' as the real CLI does without the plugin)
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        write(bin, "docker", "#!/bin/sh\necho \"docker: unknown command: docker $1\" >&2\nexit 1\n");
        bin.resolve("docker").toFile().setExecutable(true);
        Map<String, String> env = Map.of("PATH", bin.toString());
        BuildServices services = new BuildServices(env, RegistryCredentials.NONE, EventSink.NONE, RetryPolicy.NONE, tmp, Set.of());
        assertThatThrownBy(() -> new BuildKitBuilder(DockerDaemon.fromEnvironment(env), services, spec).build(r))
                .isInstanceOf(BuildFailedException.class)
                .hasMessage("the docker buildx plugin is not installed on this agent ('docker buildx version' exited with 1); images.api.buildKit "
                        + "needs it. Install docker-buildx, or build with the docker builder (docker.useBuildKit: true)");
    }

    @Test
    void theMachinesOwnDockerCliIsCheckedForBuildx() throws Exception {
        Map<String, String> env = Map.of("PATH", System.getenv("PATH"));
        Path docker = StreamingProcess.which("docker", env);
        org.junit.jupiter.api.Assumptions.assumeTrue(docker != null, "no docker CLI on PATH");
        boolean hasBuildx = buildxAvailable();
        BuildKitSpec spec = BuildKitSpec.DEFAULT;
        BuildRequest r = new BuildRequest(image(spec, Map.of(), null, "none"), input("FROM scratch\n"), List.of("t1"), false);
        BuildServices services = new BuildServices(env, RegistryCredentials.NONE, EventSink.NONE, RetryPolicy.NONE, tmp, Set.of());
        org.junit.jupiter.api.Assumptions.assumeFalse(hasBuildx, "buildx is installed: BuildKitBuildIT builds for real");
        assertThatThrownBy(() -> new BuildKitBuilder(DockerDaemon.fromEnvironment(env), services, spec).build(r))
                .hasMessageStartingWith("the docker buildx plugin is not installed on this agent");
    }

    /** Whether {@code docker buildx version} answers on this machine. */
    static boolean buildxAvailable() {
        try {
            Process p = new ProcessBuilder("docker", "buildx", "version").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(20, java.util.concurrent.TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (java.io.IOException | InterruptedException e) {
            return false;
        }
    }
}
