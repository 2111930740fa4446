package io.jenkins.plugins.devspacebuild.builder;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.devspacebuild.config.DockerSpec;
import io.jenkins.plugins.devspacebuild.config.ImageName;
import io.jenkins.plugins.devspacebuild.config.Location;
import io.jenkins.plugins.devspacebuild.config.ImageConfig;
import io.jenkins.plugins.devspacebuild.config.RebuildStrategy;
import io.jenkins.plugins.devspacebuild.docker.DockerDaemon;
import io.jenkins.plugins.devspacebuild.event.EventSink;
import io.jenkins.plugins.devspacebuild.registry.RegistryCredentials;
import io.jenkins.plugins.devspacebuild.registry.RetryPolicy;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DockerCliBuilderTest {
    @TempDir
    Path tmp;

    @Test
    void missingDockerCommandLineIsAClearError() {
        Map<String, String> env = Map.of("PATH", tmp.toString());
        BuildServices services = new BuildServices(env, RegistryCredentials.NONE, EventSink.NONE, RetryPolicy.NONE, tmp, Set.of());
        DockerSpec spec = new DockerSpec(false, false, true, List.of(), false);
        ImageConfig image = new ImageConfig("api", ImageName.parse("my/api"), List.of(), tmp.resolve("Dockerfile"), tmp, null, null, List.of(),
                Map.of(), null, null, RebuildStrategy.DEFAULT, false, true, spec, true, false, Location.of("x"));
        DockerCliBuilder b = new DockerCliBuilder(DockerDaemon.fromEnvironment(env), services, spec);
        assertThatThrownBy(() -> b.build(new BuildRequest(image, null, List.of("t"), false)))
                .isInstanceOf(BuildFailedException.class)
                .hasMessage("the docker command line is not on this machine's PATH; it is needed because images.api sets docker.useCli, useBuildKit "
                        + "or args. Install the Docker CLI, or remove those options to build through the API");
    }
}
