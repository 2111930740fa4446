package io.jenkins.plugins.devspacebuild.engine;

import static io.jenkins.plugins.devspacebuild.testing.TestFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.devspacebuild.cluster.ClusterFactory;
import io.jenkins.plugins.devspacebuild.config.ConfigException;
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
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ${runtime.images.KEY.image}} and {@code .tag} in custom build commands, with the real custom builder running
 * {@code echo} (no Docker, nothing pushed): the image referred to is built first and its values replace the variables.
 */
@Timeout(120)
class RuntimeVariablesRunTest {
    @TempDir
    Path root;
    final List<BuildEvent> events = Collections.synchronizedList(new ArrayList<>());

    BuildEngine engine() {
        return new BuildEngine(EngineSettings.of(Map.of("PATH", "/usr/bin:/bin"), RegistryCredentials.NONE, events::add)
                .withClusterFactory(ClusterFactory.NONE));
    }

    /** "app" (listed first) refers to "base", whose command takes a moment: app must still run after it. */
    RunOptions options(String baseCommand, String... images) throws Exception {
        write(root, "devspace.yaml", """
                version: v2beta1
                images:
                  app:
                    image: registry.example.com/app
                    tags: [a1]
                    custom:
                      command: echo "app from ${runtime.images.base.image}:${runtime.images.base.tag}" >> out.txt; echo
                      args: ["--base-tag", "${runtime.images.base.tag}"]
                      appendArgs: ["--base=${runtime.images.base.image}"]
                  base:
                    image: registry.example.com/base
                    tags: [b7]
                    custom:
                      command: %s
                """.formatted(baseCommand));
        return RunOptions.builder(root.resolve("devspace.yaml")).projectRoot(root).skipPush(true).maxParallel(2).images(List.of(images)).build();
    }

    static ImageResult result(RunResult r, String name) {
        return r.images().stream().filter(i -> i.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void theReferencedImageIsBuiltFirstAndItsValuesReplaceTheVariables() throws Exception {
        RunResult r = engine().build(options("sleep 1; echo base >> out.txt; echo"));
        assertThat(r.failed()).as("%s", r).isFalse();
        assertThat(r.images()).extracting(ImageResult::name).containsExactly("app", "base");
        assertThat(Files.readAllLines(root.resolve("out.txt"))).containsExactly("base", "app from registry.example.com/base:b7");
        // args and appendArgs too: the custom builder's output line
        assertThat(events).anySatisfy(e -> assertThat(e.toString())
                .contains("--base-tag b7 registry.example.com/app:a1 --base=registry.example.com/base"));
    }

    @Test
    void whenTheReferencedImageFailsTheCommandIsNotRunAndSaysWhy() throws Exception {
        RunResult r = engine().build(options("exit 3"));
        assertThat(result(r, "base").failed()).isTrue();
        assertThat(result(r, "app")).satisfies(app -> {
            assertThat(app.failed()).isTrue();
            assertThat(app.reason()).startsWith("image 'base' failed (custom build command exited with code 3")
                    .endsWith("so ${runtime.images.base.image}/.tag in the custom command of app has no value");
        });
        assertThat(root.resolve("out.txt")).doesNotExist();
    }

    @Test
    void anImageOutsideTheRunWithoutACacheEntryFailsNamingTheVariable() throws Exception {
        RunResult r = engine().build(options("echo", "app"));
        assertThat(result(r, "app").reason()).isEqualTo("images.app.custom: ${runtime.images.base.image}: image 'base' is not built before "
                + "this command runs; name an image of 'images' that this run builds or skips");
    }

    @Test
    void imagesReferringToEachOtherAreRefused() throws Exception {
        RunOptions o = options("echo ${runtime.images.app.tag}");
        assertThatThrownBy(() -> engine().build(o)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("images.app.custom: its runtime variables form a cycle (app -> base -> app)");
    }
}
