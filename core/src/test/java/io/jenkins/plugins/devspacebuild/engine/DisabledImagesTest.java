package io.jenkins.plugins.devspacebuild.engine;

import static io.jenkins.plugins.devspacebuild.testing.TestFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.devspacebuild.builder.BuildOutcome;
import io.jenkins.plugins.devspacebuild.builder.BuilderFactory;
import io.jenkins.plugins.devspacebuild.builder.ImageBuilder;
import io.jenkins.plugins.devspacebuild.cache.BuildCache;
import io.jenkins.plugins.devspacebuild.cache.CacheEntry;
import io.jenkins.plugins.devspacebuild.cache.CacheStore;
import io.jenkins.plugins.devspacebuild.cluster.ClusterFactory;
import io.jenkins.plugins.devspacebuild.config.BuilderKind;
import io.jenkins.plugins.devspacebuild.event.BuildEvent;
import io.jenkins.plugins.devspacebuild.event.SummaryTable;
import io.jenkins.plugins.devspacebuild.registry.RegistryCredentials;
import io.jenkins.plugins.devspacebuild.result.ImageResult;
import io.jenkins.plugins.devspacebuild.result.PublishedVariables;
import io.jenkins.plugins.devspacebuild.result.ResultFiles;
import io.jenkins.plugins.devspacebuild.result.RunResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Images with build.disabled are listed in plans and results as skipped with the reason, never silently dropped. */
@Timeout(120)
class DisabledImagesTest {
    @TempDir
    Path root;
    final List<BuildEvent> events = Collections.synchronizedList(new ArrayList<>());
    final List<String> built = Collections.synchronizedList(new ArrayList<>());

    final BuilderFactory fakes = (services, registry, connections, override) -> new BuilderFactory.RunBuilders() {
        @Override
        public ImageBuilder select(io.jenkins.plugins.devspacebuild.config.ImageConfig image, io.jenkins.plugins.devspacebuild.builder.BuildInput in) {
            return new ImageBuilder() {
                @Override
                public BuilderKind kind() {
                    return BuilderKind.CUSTOM;
                }

                @Override
                public BuildOutcome build(io.jenkins.plugins.devspacebuild.builder.BuildRequest request) {
                    built.add(request.key());
                    return new BuildOutcome(name(), null, "fake-id-" + request.key());
                }
            };
        }

        @Override
        public boolean existsLocally(CacheEntry entry) {
            return true;
        }
    };

    BuildEngine engine() {
        return new BuildEngine(EngineSettings.of(Map.of("PATH", "/usr/bin:/bin"), RegistryCredentials.NONE, events::add)
                .withClusterFactory(ClusterFactory.NONE).withBuilders(fakes));
    }

    /** "first" is built; "off" is disabled (its Dockerfile does not even exist); "last" is built. */
    RunOptions options() throws Exception {
        write(root, "first/Dockerfile", "FROM scratch\n");
        write(root, "last/Dockerfile", "FROM scratch\n");
        write(root, "off/README", "the context exists, its Dockerfile does not\n");
        write(root, "devspace.yaml", """
                version: v1beta11
                images:
                  first:
                    image: registry.example.com/first
                    context: ./first
                    dockerfile: ./first/Dockerfile
                  off:
                    image: registry.example.com/off
                    context: ./off
                    dockerfile: ./off/Dockerfile
                    build:
                      disabled: true
                  last:
                    image: registry.example.com/last
                    context: ./last
                    dockerfile: ./last/Dockerfile
                """);
        return RunOptions.builder(root.resolve("devspace.yaml")).projectRoot(root).skipPush(true).tags(List.of("t1")).build();
    }

    List<BuildEvent.Decided> decided() {
        return events.stream().filter(e -> e instanceof BuildEvent.Decided).map(e -> (BuildEvent.Decided) e).toList();
    }

    @Test
    void planListsTheDisabledImageInOrderWithItsReason() throws Exception {
        engine().plan(options());
        assertThat(decided()).extracting(BuildEvent.Decided::image).containsExactly("first", "off", "last");
        assertThat(decided().get(1)).satisfies(d -> {
            assertThat(d.build()).isFalse();
            assertThat(d.reason()).startsWith("disabled: build.disabled is set (").contains("devspace.yaml");
            assertThat(d.hashes().dockerfile()).isNull();
        });
    }

    @Test
    void theRunReportsItAsSkippedWithoutVariablesWhenItWasNeverBuilt() throws Exception {
        RunResult r = engine().build(options());
        assertThat(built).containsExactlyInAnyOrder("first", "last");
        assertThat(r.images()).extracting(ImageResult::name).containsExactly("first", "off", "last");
        ImageResult off = r.images().get(1);
        assertThat(off.status()).isEqualTo(ImageResult.Status.SKIPPED);
        assertThat(off.reason()).startsWith("disabled: build.disabled is set (");
        assertThat(off.tags()).isEmpty();
        assertThat(r.failed()).isFalse();
        assertThat(PublishedVariables.of(r.images())).containsKey("DEVSPACE_IMAGE_FIRST").doesNotContainKey("DEVSPACE_IMAGE_OFF");
        assertThat(ResultFiles.json(r)).contains("\"name\" : \"off\"").contains("\"decision\" : \"skipped\"")
                .contains("\"reason\" : \"disabled: build.disabled is set (");
        BuildEvent.RunDone done = (BuildEvent.RunDone) events.stream().filter(e -> e instanceof BuildEvent.RunDone).findFirst().orElseThrow();
        List<String> table = SummaryTable.render(done);
        assertThat(table).anySatisfy(line -> assertThat(line).startsWith("off ").contains("skipped").contains("disabled: build.disabled"));
        assertThat(table.get(table.size() - 1)).isEqualTo("2 built, 1 skipped, 0 failed");
    }

    @Test
    void withACacheEntryItPublishesTheTagOfItsLastBuild() throws Exception {
        RunOptions o = options();
        CacheStore.write(o.cacheFile(), new BuildCache(Map.of("off", new CacheEntry("registry.example.com/off", List.of("old1"), null,
                "id-off", "d", "c", "k", "custom", "2026-01-01T00:00:00Z", Map.of()))));
        RunResult r = engine().build(o);
        ImageResult off = r.images().get(1);
        assertThat(off.status()).isEqualTo(ImageResult.Status.SKIPPED);
        assertThat(off.reason()).startsWith("disabled: ").endsWith("; last built 2026-01-01T00:00:00Z");
        assertThat(off.tags()).containsExactly("old1");
        assertThat(PublishedVariables.of(r.images())).containsEntry("DEVSPACE_IMAGE_OFF", "registry.example.com/off:old1");
        // the entry of the image that was not built is kept
        assertThat(CacheStore.read(o.cacheFile()).cache().images()).containsKeys("first", "off", "last");
        assertThat(built).doesNotContain("off");
    }
}
