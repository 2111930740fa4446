package io.jenkins.plugins.devspacebuild.builder;

import static io.jenkins.plugins.devspacebuild.testing.TestFiles.executable;
import static io.jenkins.plugins.devspacebuild.testing.TestFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.devspacebuild.cluster.ClusterFactory;
import io.jenkins.plugins.devspacebuild.engine.BuildEngine;
import io.jenkins.plugins.devspacebuild.engine.EngineSettings;
import io.jenkins.plugins.devspacebuild.engine.RunOptions;
import io.jenkins.plugins.devspacebuild.event.BuildEvent;
import io.jenkins.plugins.devspacebuild.registry.Password;
import io.jenkins.plugins.devspacebuild.registry.RegistryCredential;
import io.jenkins.plugins.devspacebuild.registry.StaticCredentials;
import io.jenkins.plugins.devspacebuild.result.ImageResult;
import io.jenkins.plugins.devspacebuild.result.RunResult;
import io.jenkins.plugins.devspacebuild.testing.LocalServices;
import io.jenkins.plugins.devspacebuild.testing.TestRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13.8: the docker-CLI builder pulls a private base image with the run's registry credentials, given through a
 * private DOCKER_CONFIG that is deleted after use: never on argv, never in the environment, no file left behind.
 */
class DockerCliCredentialsIT {
    @TempDir
    Path tmp;
    final List<BuildEvent> events = Collections.synchronizedList(new ArrayList<>());
    String base;

    @AfterEach
    void removeImages() {
        if (base != null) {
            LocalServices.run(List.of("sh", "-c", "docker rmi -f " + base + " >/dev/null 2>&1; true"));
        }
    }

    @Test
    void privateBaseImageIsPulledWithTheRunsCredentialsThroughAPrivateDeletedConfig() throws Exception {
        TestRegistry registry = TestRegistry.shared();
        LocalServices.requireDocker();
        String ns = "clicred-" + UUID.randomUUID().toString().substring(0, 8);
        base = registry.address() + "/" + ns + "/base:1";
        // push the base with a throw-away client config, then drop it locally so the build must pull it
        Path pushConfig = Files.createDirectories(tmp.resolve("push-config"));
        LocalServices.run(List.of("sh", "-c", "docker --config " + pushConfig + " login -u " + registry.user() + " --password-stdin "
                + registry.address() + " < " + LocalServices.registryPasswordFile() + " >/dev/null"));
        LocalServices.run(List.of("docker", "tag", "busybox-local:1", base));
        LocalServices.run(List.of("docker", "--config", pushConfig.toString(), "push", base));
        LocalServices.run(List.of("docker", "rmi", base));

        // a docker wrapper that records what the builder gives it, then runs the real CLI
        Path record = tmp.resolve("record");
        Path realDocker = Path.of(LocalServices.run(List.of("sh", "-c", "command -v docker")).trim());
        executable(tmp, "bin/docker", "#!/bin/sh\n"
                + "{ echo \"ARGS $*\"; env | sed 's/^/ENV /'; echo \"CONFIGDIR $DOCKER_CONFIG\"; "
                + "stat -c 'MODE %a %n' \"$DOCKER_CONFIG\" \"$DOCKER_CONFIG/config.json\" 2>/dev/null; } >> " + record + "\n"
                + "exec " + realDocker + " \"$@\"\n");
        Path project = tmp.resolve("project");
        write(project, "devspace.yaml", "version: v2beta1\nimages:\n  app:\n    image: " + registry.address() + "/" + ns + "/app\n"
                + "    dockerfile: ./Dockerfile\n    docker:\n      useCli: true\n");
        write(project, "Dockerfile", "FROM " + base + "\nRUN true\n");
        Path emptyUserConfig = Files.createDirectories(tmp.resolve("user-docker-config"));
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("PATH", tmp.resolve("bin") + ":" + env.getOrDefault("PATH", "/usr/bin:/bin"));
        env.put("DOCKER_CONFIG", emptyUserConfig.toString());
        StaticCredentials creds = new StaticCredentials(Map.of(registry.address(), new RegistryCredential(registry.address(), registry.user(),
                Password.of(registry.password()), "--registry-credentials")), null);
        EngineSettings s = EngineSettings.of(env, creds, events::add).withClusterFactory(ClusterFactory.NONE);
        RunResult r = new BuildEngine(s).build(RunOptions.builder(project.resolve("devspace.yaml")).projectRoot(project).skipPush(true)
                .tags(List.of("t1")).build());
        ImageResult app = r.images().get(0);
        assertThat(app.status()).as(app.reason() + " " + events).isEqualTo(ImageResult.Status.BUILT);
        List<String> lines = Files.readAllLines(record);
        assertThat(lines).filteredOn(l -> l.startsWith("ARGS ")).isNotEmpty().allSatisfy(l -> assertThat(l).doesNotContain(registry.password()));
        assertThat(lines).filteredOn(l -> l.startsWith("ENV ")).isNotEmpty().allSatisfy(l -> assertThat(l).doesNotContain(registry.password()));
        String configDir = lines.stream().filter(l -> l.startsWith("CONFIGDIR ")).findFirst().orElseThrow().substring("CONFIGDIR ".length());
        assertThat(configDir).isNotEqualTo(emptyUserConfig.toString());
        assertThat(lines).contains("MODE 700 " + configDir, "MODE 600 " + configDir + "/config.json");
        assertThat(Path.of(configDir)).doesNotExist();
        assertThat(emptyUserConfig).isEmptyDirectory();
    }
}
