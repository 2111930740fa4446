package io.jenkins.plugins.devspacebuild.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.devspacebuild.testing.TestFiles;
import io.jenkins.plugins.devspacebuild.testing.TestRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hand-off as a pipeline uses it: the packaged jar builds and pushes, then 'values' copies a values file with the results. */
class ValuesHandoffIT {
    @TempDir
    Path tmp;

    String run(Path project, TestRegistry registry, String namespace, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("java", "-jar", System.getProperty("devspace.cliJar", "target/devspace-build.jar")));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(project.toFile()).redirectErrorStream(true);
        pb.environment().put("REGISTRY", registry.address() + "/" + namespace);
        pb.environment().put("DOCKER_CONFIG", tmp.resolve("docker-config").toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(240, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }

    @Test
    void valuesCopyNamesThePushedImagesByTagAndDigest() throws Exception {
        TestRegistry registry = TestRegistry.shared();
        String namespace = "handoff-" + UUID.randomUUID().toString().substring(0, 8);
        Path project = tmp.resolve("monorepo");
        TestFiles.copyExample(project); // tracked files only: a run of examples/run-monorepo.sh leaves .devspace/ behind
        Path password = tmp.resolve("password");
        Files.writeString(password, registry.password());
        String repo = registry.address() + "/" + namespace + "/monorepo/api";
        Files.writeString(project.resolve("values.yaml"), "# chart values\napi:\n  image: " + repo + ":dev  # replaced\n  replicas: 2\n");

        run(project, registry, namespace, "build", "api", "--registry-credentials", registry.address() + "=" + registry.user() + ":" + password,
                "--output-file", ".devspace/images.json");
        String out = run(project, registry, namespace, "values", "--results", ".devspace/images.json", "-i", "values.yaml",
                "-o", "values.built.yaml", "--digest");

        JsonNode api = new ObjectMapper().readTree(project.resolve(".devspace/images.json").toFile()).get(0);
        String pinned = repo + ":" + api.get("tags").get(0).asText() + "@" + api.get("digest").asText();
        assertThat(api.get("digest").asText()).startsWith("sha256:");
        assertThat(Files.readString(project.resolve("values.built.yaml")))
                .isEqualTo("# chart values\napi:\n  image: " + pinned + " # replaced\n  replicas: 2\n");
        assertThat(out).contains("values.yaml .api.image: " + repo + ":dev -> " + pinned);
        // the pinned reference is what the registry serves for that tag
        assertThat(registry.digest(namespace + "/monorepo/api", api.get("tags").get(0).asText())).contains(api.get("digest").asText());
    }
}
