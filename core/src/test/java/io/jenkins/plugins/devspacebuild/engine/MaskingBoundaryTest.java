package io.jenkins.plugins.devspacebuild.engine;

import static io.jenkins.plugins.devspacebuild.testing.TestFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.jenkins.plugins.devspacebuild.builder.BuildFailedException;
import io.jenkins.plugins.devspacebuild.builder.BuildOutcome;
import io.jenkins.plugins.devspacebuild.builder.BuilderFactory;
import io.jenkins.plugins.devspacebuild.builder.ImageBuilder;
import io.jenkins.plugins.devspacebuild.cluster.ClusterFactory;
import io.jenkins.plugins.devspacebuild.config.BuilderKind;
import io.jenkins.plugins.devspacebuild.error.DevSpaceBuildException;
import io.jenkins.plugins.devspacebuild.event.BuildEvent;
import io.jenkins.plugins.devspacebuild.event.JsonEventWriter;
import io.jenkins.plugins.devspacebuild.registry.RegistryCredentials;
import io.jenkins.plugins.devspacebuild.result.RunResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every string that leaves the engine is masked: events of every type, the result, and exceptions. */
class MaskingBoundaryTest {
    static final String SECRET = "s3cr3t-Pa55";
    @TempDir
    Path root;
    final List<BuildEvent> events = Collections.synchronizedList(new ArrayList<>());

    /** A builder that echoes the secret in an event, then fails with it in the reason. */
    final BuilderFactory leaking = (services, registry, connections, override) -> new BuilderFactory.RunBuilders() {
        @Override
        public ImageBuilder select(io.jenkins.plugins.devspacebuild.config.ImageConfig image, io.jenkins.plugins.devspacebuild.builder.BuildInput in) {
            services.events().accept(new BuildEvent.BuilderChosen(image.key(), "custom", "because " + SECRET, false));
            return new ImageBuilder() {
                @Override
                public BuilderKind kind() {
                    return BuilderKind.CUSTOM;
                }

                @Override
                public BuildOutcome build(io.jenkins.plugins.devspacebuild.builder.BuildRequest request) throws BuildFailedException {
                    services.events().output(request.key(), "password is " + SECRET);
                    throw new BuildFailedException("command exited with code 1 (last output: login " + SECRET + ")");
                }
            };
        }

        @Override
        public boolean existsLocally(io.jenkins.plugins.devspacebuild.cache.CacheEntry entry) {
            return true;
        }
    };

    BuildEngine engine() {
        return new BuildEngine(EngineSettings.of(Map.of("PATH", "/usr/bin:/bin"), RegistryCredentials.NONE, events::add)
                .withClusterFactory(ClusterFactory.NONE).withBuilders(leaking).withSecrets(List.of(SECRET)));
    }

    @Test
    void eventsAndResultsAreMasked() throws Exception {
        write(root, "app/file.txt", "x");
        write(root, "devspace.yaml", "version: v2beta1\nimages:\n  app:\n    image: registry.example.com/app\n    context: ./app\n"
                + "    custom:\n      command: ./build.sh\n");
        RunResult r = engine().build(RunOptions.builder(root.resolve("devspace.yaml")).projectRoot(root).skipPush(true).build());
        assertThat(r.images().get(0).reason()).isEqualTo("command exited with code 1 (last output: login ****)");
        assertThat(events).isNotEmpty().allSatisfy(e -> assertThat(JsonEventWriter.line(e, "t")).doesNotContain(SECRET));
        assertThat(events).anySatisfy(e -> assertThat(e).isInstanceOf(BuildEvent.Output.class)
                .hasToString(new BuildEvent.Output("app", "password is ****").toString()));
        assertThat(events).anySatisfy(e -> assertThat(e).isInstanceOf(BuildEvent.RunDone.class)
                .satisfies(d -> assertThat(((BuildEvent.RunDone) d).images().get(0).reason()).endsWith("login ****)")));
    }

    @Test
    void anErrorWithTheSecretIsRethrownMaskedWithItsExitCodeAndNoCause() throws Exception {
        write(root, "devspace.yaml", "version: v2beta1\nimages:\n  app:\n    image: \"not a valid image " + SECRET + "\"\n");
        Throwable t = catchThrowable(() -> engine().build(RunOptions.builder(root.resolve("devspace.yaml")).projectRoot(root).build()));
        assertThat(t).isInstanceOf(DevSpaceBuildException.class).hasNoCause();
        assertThat(t.getMessage()).doesNotContain(SECRET).contains("****");
        assertThat(((DevSpaceBuildException) t).exitCode()).isEqualTo(2);
    }
}
