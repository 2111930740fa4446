package io.jenkins.plugins.devspacebuild.config;

import static io.jenkins.plugins.devspacebuild.testing.TestFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    @TempDir
    Path root;

    ConfigFiles files;

    @BeforeEach
    void dockerfiles() {
        files = new ConfigFiles(root);
        write(root, "api/src/main.go", "package main\n");
    }

    private ProjectConfig load(String yaml) throws ConfigException {
        return files.load(yaml);
    }

    private ProjectConfig load(String yaml, Map<String, String> vars, Map<String, String> env) throws ConfigException {
        return files.load(yaml, vars, env);
    }

    private ConfigException error(String yaml) {
        return files.error(yaml);
    }

    @Test
    void bothShapesNormaliseToTheSameModel() throws Exception {
        ImageConfig legacy = load("""
                version: v1beta10
                images:
                  api:
                    image: registry.example.com/team/api:1.0
                    tags: [latest]
                    dockerfile: ./api/Dockerfile
                    context: ./api
                    entrypoint: ["/app", "--port", "80"]
                    rebuildStrategy: ignoreContextChanges
                    build:
                      docker:
                        skipPush: true
                        useBuildKit: true
                        options:
                          target: final
                          network: host
                          buildArgs: {B: "2", A: "1"}
                """).images().get("api");
        ImageConfig current = load("""
                version: v2beta1
                images:
                  api:
                    image: registry.example.com/team/api:1.0
                    tags: [latest]
                    dockerfile: ./api/Dockerfile
                    context: ./api
                    entrypoint: ["/app", "--port", "80"]
                    rebuildStrategy: ignoreContextChanges
                    target: final
                    network: host
                    buildArgs: {B: "2", A: "1"}
                    skipPush: true
                    docker:
                      useBuildKit: true
                """).images().get("api");
        assertThat(legacy.withBuilder(legacy.builder(), true)).isEqualTo(current.withBuilder(current.builder(), true));
        assertThat(current.tags()).containsExactly("1.0", "latest");
        assertThat(current.image().repository()).isEqualTo("registry.example.com/team/api");
        assertThat(current.image().registry()).isEqualTo("registry.example.com");
        assertThat(current.buildArgs()).containsExactly(Map.entry("A", "1"), Map.entry("B", "2"));
        assertThat(current.dockerfile()).isEqualTo(root.resolve("api/Dockerfile"));
        assertThat(current.context()).isEqualTo(root.resolve("api"));
        assertThat(current.skipPush()).isTrue();
        assertThat(current.rebuildStrategy()).isEqualTo(RebuildStrategy.IGNORE_CONTEXT_CHANGES);
        assertThat(((DockerSpec) current.builder()).useBuildKit()).isTrue();
    }

    @Test
    void defaultsAreDevSpaces() throws Exception {
        ImageConfig i = load("version: v2beta1\nimages:\n  app:\n    image: myuser/app\n").images().get("app");
        assertThat(i.dockerfile()).isEqualTo(root.resolve("Dockerfile"));
        assertThat(i.context()).isEqualTo(root);
        assertThat(i.tags()).isEmpty();
        assertThat(i.entrypoint()).isNull();
        assertThat(i.builder()).isEqualTo(DockerSpec.DEFAULT);
        assertThat(i.builderDeclared()).isFalse();
        assertThat(i.createPullSecret()).isTrue();
        assertThat(i.image().registry()).isEqualTo("docker.io");
        assertThat(i.image().path()).isEqualTo("myuser/app");
    }

    @Test
    void singleNameOnDockerHubGetsLibrary() {
        assertThat(ImageName.parse("nginx").path()).isEqualTo("library/nginx");
        assertThat(ImageName.parse("localhost:5000/x").registry()).isEqualTo("localhost:5000");
        assertThat(ImageName.parse("127.0.0.1:5000/a/b:v1").tag()).isEqualTo("v1");
    }

    @Test
    void otherDevSpaceSectionsAreIgnored() throws Exception {
        ProjectConfig c = load("""
                version: v2beta1
                name: shop
                deployments: {app: {helm: {chart: {name: ./chart}}}}
                dev: {app: {imageSelector: foo}}
                hooks: [{command: echo}]
                pipelines: {deploy: "run_deployments --all"}
                images:
                  app:
                    image: myuser/app
                    injectRestartHelper: true
                """);
        assertThat(c.images()).containsOnlyKeys("app");
    }

    @Test
    void unknownKeySaysWhereAndSuggests() {
        ConfigException e = error("""
                version: v2beta1
                images:
                  app:
                    image: myuser/app
                    dockerfil: ./Dockerfile
                """);
        assertThat(e.getMessage()).isEqualTo("devspace.yaml:5:5: images.app.dockerfil: unknown key; did you mean 'dockerfile'?");
        assertThat(e.exitCode()).isEqualTo(2);
    }

    @Test
    void unknownKeyInBuilderBlock() {
        assertThat(error("""
                version: v1beta11
                images:
                  app:
                    image: myuser/app
                    build:
                      kaniko:
                        snapshotMod: redo
                """).getMessage()).isEqualTo("devspace.yaml:7:9: images.app.build.kaniko.snapshotMod: unknown key; did you mean 'snapshotMode'?");
    }

    @Test
    void missingImage() {
        assertThat(error("version: v2beta1\nimages:\n  app:\n    tags: [x]\n").getMessage())
                .startsWith("devspace.yaml:4:5: images.app.image: is required");
    }

    @Test
    void badRebuildStrategy() {
        assertThat(error("version: v2beta1\nimages:\n  app:\n    image: a/b\n    rebuildStrategy: sometimes\n").getMessage())
                .isEqualTo("devspace.yaml:5:5: images.app.rebuildStrategy: 'sometimes' is not valid; use one of default, always, ignoreContextChanges");
    }

    @Test
    void wrongTypes() {
        assertThat(error("version: v2beta1\nimages:\n  app:\n    image: a/b\n    entrypoint: npm start\n").getMessage())
                .isEqualTo("devspace.yaml:5:17: images.app.entrypoint: expected a list of strings, found the value 'npm start'; "
                        + "write it as entrypoint: [\"/app/server\", \"--port\", \"8080\"]");
        assertThat(error("version: v2beta1\nimages:\n  app:\n    image: a/b\n    skipPush: maybe\n").getMessage())
                .isEqualTo("devspace.yaml:5:15: images.app.skipPush: expected true or false, found 'maybe'");
        assertThat(error("version: v2beta1\nimages:\n  app:\n    image: [a]\n").getMessage())
                .isEqualTo("devspace.yaml:4:12: images.app.image: expected a single value, found a list");
        assertThat(error("version: v2beta1\nimages: [a, b]\n").getMessage())
                .isEqualTo("devspace.yaml:2:9: images: expected a mapping (key: value lines), found a list");
    }

    @Test
    void malformedYaml() {
        ConfigException e = error("version: v2beta1\nimages:\n  app:\n    image: a/b\n   tags: [x\n");
        assertThat(e.getMessage()).startsWith("devspace.yaml:5:").contains("malformed YAML");
        assertThat(e.getMessage()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void duplicateKey() {
        assertThat(error("version: v2beta1\nimages:\n  app:\n    image: a/b\n    image: c/d\n").getMessage())
                .contains("devspace.yaml:").contains("duplicate key");
    }

    @Test
    void unsupportedVersion() {
        assertThat(error("version: v1beta3\nimages:\n  app:\n    image: a/b\n").getMessage())
                .startsWith("devspace.yaml:1:1: version: 'v1beta3' is not supported");
    }

    @Test
    void variablesFromVarsEnvironmentAndDefaults() throws Exception {
        String yaml = """
                version: v2beta1
                vars:
                  REGISTRY: registry.example.com
                  TEAM:
                    default: core
                images:
                  app:
                    image: ${REGISTRY}/${TEAM}/app
                    tags: ["${BUILD_NUMBER}"]
                    buildArgs:
                      COMMIT: "${GIT_COMMIT}"
                      LITERAL: "$${NOT_A_VAR}"
                """;
        ImageConfig i = load(yaml, Map.of("TEAM", "payments"), Map.of("BUILD_NUMBER", "42", "GIT_COMMIT", "abc123")).images().get("app");
        assertThat(i.image().repository()).isEqualTo("registry.example.com/payments/app");
        assertThat(i.buildArgs()).containsEntry("COMMIT", "abc123").containsEntry("LITERAL", "${NOT_A_VAR}");
        ImageConfig env = load(yaml, Map.of(), Map.of("BUILD_NUMBER", "7", "GIT_COMMIT", "x",
                "REGISTRY", "10.0.0.1:5000")).images().get("app");
        assertThat(env.image().repository()).isEqualTo("10.0.0.1:5000/core/app");
        assertThat(env.tags()).containsExactly("7");
    }

    @Test
    void legacyVarsList() throws Exception {
        ImageConfig i = load("""
                version: v1beta9
                vars:
                  - name: IMAGE
                    default: myuser/app
                images:
                  app:
                    image: ${IMAGE}
                """).images().get("app");
        assertThat(i.image().repository()).isEqualTo("myuser/app");
    }

    @Test
    void undefinedVariableNamesItFileAndLine() {
        assertThat(error("version: v2beta1\nimages:\n  app:\n    image: a/b\n    tags: [\"${NOPE}\"]\n").getMessage())
                .startsWith("devspace.yaml:5:12: images.app.tags[0]: variable ${NOPE} is not defined;");
    }

    @Test
    void pathsOutsideTheRootAreRejected() throws Exception {
        Path outside = Files.createTempDirectory("outside");
        write(outside, "Dockerfile", "FROM scratch\n");
        assertThat(error("version: v2beta1\nimages:\n  app:\n    image: a/b\n    context: ../\n").getMessage())
                .startsWith("devspace.yaml:5:5: images.app.context: '../' resolves to").contains("outside the project root");
        Files.createSymbolicLink(root.resolve("link"), outside);
        assertThat(error("version: v2beta1\nimages:\n  app:\n    image: a/b\n    context: ./link\n").getMessage())
                .contains("images.app.context: './link' leads through a symbolic link to").contains("outside the project root");
        assertThat(error("version: v2beta1\nimages:\n  app:\n    image: a/b\n    dockerfile: ./link/Dockerfile\n").getMessage())
                .contains("images.app.dockerfile: './link/Dockerfile' leads through a symbolic link");
    }

    @Test
    void missingDockerfileAndContext() {
        assertThat(error("version: v2beta1\nimages:\n  app:\n    image: a/b\n    dockerfile: ./nope/Dockerfile\n").getMessage())
                .isEqualTo("devspace.yaml:5:5: images.app.dockerfile: nope/Dockerfile does not exist; create it or set 'dockerfile' to the image's Dockerfile");
        assertThat(error("version: v2beta1\nimages:\n  app:\n    image: a/b\n    context: ./nope\n").getMessage())
                .startsWith("devspace.yaml:5:5: images.app.context: nope does not exist");
    }

    @Test
    void builderBlocksAreParsed() throws Exception {
        ProjectConfig c = load("""
                version: v2beta1
                images:
                  k:
                    image: a/k
                    kaniko:
                      cache: false
                      snapshotMode: redo
                      namespace: build
                      insecure: true
                      args: ["--verbosity=debug"]
                      nodeSelector: {pool: builds}
                      tolerations: [{key: dedicated, operator: Equal, value: builds, effect: NoSchedule}]
                      resources: {limits: {memory: 2Gi}}
                      timeout: 5m
                  c:
                    image: a/c
                    custom:
                      command: ./build.sh
                      args: ["--push"]
                      imageFlag: --image
                      onChange: ["./api/**"]
                """);
        KanikoSpec k = (KanikoSpec) c.images().get("k").builder();
        assertThat(k.cache()).isFalse();
        assertThat(k.snapshotMode()).isEqualTo("redo");
        assertThat(k.nodeSelector()).containsEntry("pool", "builds");
        assertThat(k.tolerations()).hasSize(1);
        assertThat(k.timeout()).hasMinutes(5);
        CustomSpec cs = (CustomSpec) c.images().get("c").builder();
        assertThat(cs.command()).isEqualTo("./build.sh");
        assertThat(cs.onChange()).containsExactly("./api/**");
    }

    @Test
    void twoBuildersAreAnError() {
        assertThat(error("version: v2beta1\nimages:\n  app:\n    image: a/b\n    docker: {}\n    kaniko: {}\n").getMessage())
                .contains("images.app: more than one builder (docker, kaniko)");
    }

    @Test
    void shapesAreNotMixed() {
        assertThat(error("version: v1beta11\nimages:\n  app:\n    image: a/b\n    buildArgs: {A: b}\n").getMessage())
                .contains("images.app.buildArgs: is a v2beta1 field");
        assertThat(error("version: v2beta1\nimages:\n  app:\n    image: a/b\n    build: {docker: {}}\n").getMessage())
                .contains("images.app.build: 'build' belongs to the older shape");
    }

    @Test
    void disabledLegacyImage() throws Exception {
        assertThat(load("version: v1beta11\nimages:\n  app:\n    image: a/b\n    build:\n      disabled: true\n").images().get("app").disabled())
                .isTrue();
    }

    @Test
    void missingFileAndEmptyFile() {
        assertThatThrownBy(() -> ConfigLoader.load(new ConfigLoader.Request(root.resolve("nope.yaml"), root, Map.of(), Map.of())))
                .hasMessage("nope.yaml: no such file; give the devspace.yaml to use with -f FILE (step option 'config')");
        assertThat(error("").getMessage()).contains("the file is empty");
    }

    @Test
    void yamlAnchorsAndMergeKeys() throws Exception {
        ProjectConfig c = load("""
                version: v2beta1
                x-common: &common
                  dockerfile: ./api/Dockerfile
                  context: ./api
                images:
                  a:
                    <<: *common
                    image: my/a
                  b:
                    <<: *common
                    image: my/b
                """);
        assertThat(c.images().get("b").context()).isEqualTo(root.resolve("api"));
        assertThat(List.copyOf(c.images().keySet())).containsExactly("a", "b");
    }
}
