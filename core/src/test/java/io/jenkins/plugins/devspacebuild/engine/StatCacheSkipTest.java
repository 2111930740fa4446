package io.jenkins.plugins.devspacebuild.engine;

import static io.jenkins.plugins.devspacebuild.testing.TestFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.devspacebuild.cache.BuildCache;
import io.jenkins.plugins.devspacebuild.cache.StatCache;
import io.jenkins.plugins.devspacebuild.cluster.ClusterFactory;
import io.jenkins.plugins.devspacebuild.event.BuildEvent;
import io.jenkins.plugins.devspacebuild.registry.RegistryCredentials;
import io.jenkins.plugins.devspacebuild.result.ImageResult;
import io.jenkins.plugins.devspacebuild.result.RunResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The skip path end to end with a custom builder (no daemon): stat cache written, old cache format rebuilt once, changed paths named. */
class StatCacheSkipTest {
    @TempDir
    Path root;
    final List<BuildEvent> events = Collections.synchronizedList(new ArrayList<>());

    RunResult run() throws Exception {
        events.clear();
        Map<String, String> env = Map.of("PATH", "/usr/bin:/bin", "DOCKER_HOST", "tcp://127.0.0.1:1", "HOME", root.resolve("home").toString());
        EngineSettings s = EngineSettings.of(env, RegistryCredentials.NONE, events::add).withClusterFactory(ClusterFactory.NONE);
        return new BuildEngine(s).build(RunOptions.builder(root.resolve("devspace.yaml")).projectRoot(root)
                .cacheFile(root.resolve(".devspace/c.json")).skipPush(true).tags(List.of("t1")).build());
    }

    String reason(String image) {
        return events.stream().filter(e -> e instanceof BuildEvent.Decided d && d.image().equals(image))
                .map(e -> ((BuildEvent.Decided) e).reason()).reduce((a, b) -> b).orElseThrow();
    }

    ImageResult.Status status(RunResult r) {
        return r.images().get(0).status();
    }

    @Test
    void anOldCacheFormatRebuildsOnceThenSkipsAndAChangeIsNamed() throws Exception {
        write(root, "devspace.yaml", "version: v2beta1\nimages:\n  app:\n    image: my/app\n    context: ./app\n    dockerfile: ./app/Dockerfile\n"
                + "    custom:\n      command: \"true\"\n      onChange: [\"./app/**\"]\n");
        write(root, "app/Dockerfile", "FROM scratch\n");
        write(root, "app/src/main.txt", "main");
        write(root, "app/lib/util.txt", "util");

        assertThat(status(run())).as(events.toString()).isEqualTo(ImageResult.Status.BUILT);
        assertThat(reason("app")).isEqualTo("no earlier build");
        assertThat(root.resolve(".devspace").resolve(StatCache.FILE_NAME)).isRegularFile();
        assertThat(status(run())).as(events.toString()).isEqualTo(ImageResult.Status.SKIPPED);

        Path cache = root.resolve(".devspace/c.json");
        String json = Files.readString(cache);
        assertThat(json).contains("\"version\" : " + BuildCache.VERSION);
        Files.writeString(cache, json.replace("\"version\" : " + BuildCache.VERSION, "\"version\" : 1"));
        assertThat(status(run())).isEqualTo(ImageResult.Status.BUILT);
        assertThat(reason("app")).isEqualTo("cache format changed");
        assertThat(status(run())).as(events.toString()).isEqualTo(ImageResult.Status.SKIPPED);

        write(root, "app/lib/util.txt", "UTIL");
        assertThat(status(run())).isEqualTo(ImageResult.Status.BUILT);
        assertThat(reason("app")).isEqualTo("context changed: app/lib/");
        assertThat(status(run())).isEqualTo(ImageResult.Status.SKIPPED);
    }
}
