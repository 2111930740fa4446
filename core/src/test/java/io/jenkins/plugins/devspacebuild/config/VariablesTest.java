package io.jenkins.plugins.devspacebuild.config;

import static io.jenkins.plugins.devspacebuild.testing.TestFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 10.2: predefined, runtime and command variables, vars definitions and config expressions. */
class VariablesTest {
    @TempDir
    Path root;

    @BeforeEach
    void project() {
        write(root, "Dockerfile", "FROM scratch\n");
        write(root, ".git/HEAD", "ref: refs/heads/feature/x\n");
        write(root, ".git/refs/heads/feature/x", "0123456789abcdef0123456789abcdef01234567\n");
    }

    private ProjectConfig load(String yaml, Map<String, String> vars, Map<String, String> env, List<String> profiles) throws ConfigException {
        write(root, "devspace.yaml", yaml);
        return ConfigLoader.load(new ConfigLoader.Request(root.resolve("devspace.yaml"), root, vars, env, profiles));
    }

    private ImageConfig app(String yaml) throws ConfigException {
        return load(yaml, Map.of(), Map.of("PATH", System.getenv("PATH"), "HOME", "/home/builder"), List.of()).images().get("app");
    }

    @Test
    void predefinedVariablesInBothSpellings() throws Exception {
        ImageConfig i = app("""
                version: v2beta1
                images:
                  app:
                    image: my/app
                    tags: ["${DEVSPACE_GIT_COMMIT}", "c-${devspace.git.commit}", "${DEVSPACE_TIMESTAMP}"]
                    buildArgs:
                      BRANCH: ${DEVSPACE_GIT_BRANCH}
                      BRANCH2: ${devspace.git.branch}
                      HOME: ${DEVSPACE_USER_HOME}
                      HOME2: ${devspace.userHome}
                      R1: ${DEVSPACE_RANDOM}
                      R2: ${devspace.random}
                      PROFILE: "p=${DEVSPACE_PROFILE}"
                      NS: ${DEVSPACE_NAMESPACE}
                """);
        assertThat(i.tags().get(0)).isEqualTo("01234567");
        assertThat(i.tags().get(1)).isEqualTo("c-01234567");
        assertThat(i.tags().get(2)).matches("\\d{10}");
        assertThat(i.buildArgs()).containsEntry("BRANCH", "feature/x").containsEntry("BRANCH2", "feature/x")
                .containsEntry("HOME", "/home/builder").containsEntry("HOME2", "/home/builder").containsEntry("PROFILE", "p=");
        assertThat(i.buildArgs().get("R1")).matches("[a-z]{6}").isEqualTo(i.buildArgs().get("R2"));
        assertThat(i.buildArgs().get("NS")).isNotEmpty();
    }

    @Test
    void profileVariables() throws Exception {
        ProjectConfig c = load("""
                version: v2beta1
                images:
                  app: {image: my/app, buildArgs: {P: "${DEVSPACE_PROFILE}", PS: "${DEVSPACE_PROFILES}"}}
                profiles:
                  - {name: a, patches: [{op: add, path: images.app.tags, value: [a]}]}
                  - {name: b, merge: {images: {app: {target: b}}}}
                """, Map.of(), Map.of(), List.of("a", "b"));
        assertThat(c.images().get("app").buildArgs()).containsEntry("P", "b").containsEntry("PS", "a b");
    }

    @Test
    void runtimeVariablesStayInCustomCommandsForTheBuilder() throws Exception {
        ImageConfig i = app("""
                version: v2beta1
                images:
                  app:
                    image: my/app
                    custom:
                      command: ./build.sh --image ${runtime.images.app.image}:${runtime.images.app.tag}
                      args: ["${runtime.images.base.image}"]
                      onChange: ["./src/**"]
                """);
        CustomSpec spec = (CustomSpec) i.builder();
        assertThat(spec.command()).isEqualTo("./build.sh --image ${runtime.images.app.image}:${runtime.images.app.tag}");
        String resolved = RuntimeVariables.resolve(spec.command(), key -> key.equals("app")
                ? Optional.of(new RuntimeVariables.RuntimeImage("registry.example.com/app", "abcde")) : Optional.empty());
        assertThat(resolved).isEqualTo("./build.sh --image registry.example.com/app:abcde");
        assertThatThrownBy(() -> RuntimeVariables.resolve(spec.args().get(0), key -> Optional.empty()))
                .hasMessage("${runtime.images.base.image}: image 'base' is not built before this command runs; name an image of 'images' "
                        + "that this run builds or skips");
    }

    @Test
    void runtimeVariablesElsewhereAreAClearError() {
        assertThatThrownBy(() -> app("version: v2beta1\nimages:\n  app:\n    image: my/app\n    buildArgs: {X: \"${runtime.images.x.tag}\"}\n"))
                .hasMessage("devspace.yaml:5:20: images.app.buildArgs.X: ${runtime.images.x.tag} is only known once the image is built; "
                        + "devspace-build resolves runtime variables in custom build commands (command, args, appendArgs) only");
    }

    @Test
    void varsWithCommandDefaultSourceAndQuestion() throws Exception {
        String yaml = """
                version: v1beta11
                vars:
                  - name: VERSION
                    command: echo
                    args: ["1.2.3"]
                  - name: TEAM
                    source: env
                    default: core
                  - name: REGISTRY
                    question: Which registry?
                images:
                  app:
                    image: ${REGISTRY}/${TEAM}/app
                    tags: ["${VERSION}"]
                """;
        ImageConfig i = load(yaml, Map.of("REGISTRY", "reg.example.com"), Map.of("PATH", System.getenv("PATH")), List.of()).images().get("app");
        assertThat(i.image().repository()).isEqualTo("reg.example.com/core/app");
        assertThat(i.tags()).containsExactly("1.2.3");
        assertThatThrownBy(() -> load(yaml, Map.of(), Map.of("PATH", System.getenv("PATH")), List.of()))
                .hasMessage("devspace.yaml:9:5: vars[2]: variable REGISTRY needs an answer (it asks \"Which registry?\"), and devspace-build "
                        + "never asks; pass --var REGISTRY=VALUE (step option 'variables'), set it in the environment, or give it a default");
    }

    @Test
    void failingVariableCommandNamesTheVariableAndTheFile() {
        assertThatThrownBy(() -> app("""
                version: v2beta1
                vars:
                  VERSION:
                    command: "echo broken >&2; exit 3"
                images:
                  app: {image: my/app, tags: ["${VERSION}"]}
                """))
                .hasMessage("devspace.yaml:6:31: images.app.tags[0]: variable VERSION (devspace.yaml:4:5, vars.VERSION): the command "
                        + "'echo broken >&2; exit 3' failed with exit code 3: broken; fix the command or give the value with --var");
    }

    @Test
    void expressionsRunInTheProjectDirectoryWithTheBuildEnvironmentInV2beta1Only() throws Exception {
        write(root, "VERSION", "4.5.6\n");
        ImageConfig i = load("""
                version: v2beta1
                images:
                  app:
                    image: my/app
                    tags: ["$(cat VERSION)", "$(echo $FLAVOUR)-x"]
                    buildArgs: {LITERAL: "$$(not run)"}
                """, Map.of(), Map.of("PATH", System.getenv("PATH"), "FLAVOUR", "slim"), List.of()).images().get("app");
        assertThat(i.tags()).containsExactly("4.5.6", "slim-x");
        assertThat(i.buildArgs()).containsEntry("LITERAL", "$(not run)");
        write(root, "devspace.yaml", "version: v1beta11\nimages:\n  app:\n    image: my/app\n    build: {docker: {options: {buildArgs: {A: \"$(x)\"}}}}\n");
        assertThat(ConfigLoader.load(new ConfigLoader.Request(root.resolve("devspace.yaml"), root, Map.of(), Map.of())).images().get("app")
                .buildArgs()).containsEntry("A", "$(x)");
    }

    @Test
    void failingExpressionNamesExpressionFileAndLine() {
        assertThatThrownBy(() -> app("version: v2beta1\nimages:\n  app:\n    image: my/app\n    buildArgs: {V: \"$(false)\"}\n"))
                .hasMessage("expression $(false) at devspace.yaml:5:20 (images.app.buildArgs.V): the command 'false' failed with exit code 1; "
                        + "fix the command or give the value with --var");
    }

    @Test
    void explicitVariablesWinOverEverything() throws Exception {
        ImageConfig i = load("""
                version: v2beta1
                vars:
                  IMAGE: $(exit 1)
                images:
                  app: {image: "${IMAGE}"}
                """, Map.of("IMAGE", "my/explicit"), Map.of(), List.of()).images().get("app");
        assertThat(i.image().repository()).isEqualTo("my/explicit");
    }

    @Test
    void kubeContextAndNamespaceComeFromTheKubeconfigOfTheBuildEnvironment() throws Exception {
        write(root, "kube/config", """
                apiVersion: v1
                current-context: staging
                contexts:
                  - {name: prod, context: {cluster: c, namespace: live}}
                  - {name: staging, context: {cluster: c, namespace: team-a}}
                """);
        ImageConfig i = load("""
                version: v2beta1
                images:
                  app: {image: my/app, buildArgs: {C: "${DEVSPACE_CONTEXT}", N: "${devspace.namespace}"}}
                """, Map.of(), Map.of("KUBECONFIG", root.resolve("kube/config").toString()), List.of()).images().get("app");
        assertThat(i.buildArgs()).containsEntry("C", "staging").containsEntry("N", "team-a");
    }

    @Test
    void manyVariablesInOneLargeValueStayLinear() throws Exception {
        String value = "${A}x".repeat(350_000);
        write(root, "devspace.yaml", "version: v2beta1\nimages:\n  app:\n    image: my/app\n    cmd: [\"" + value + "\"]\n");
        // generous bound for a loaded 2-core machine: the line counting was quadratic and took 89 s here, now about 1.5 s
        ImageConfig i = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(30), () ->
                ConfigLoader.load(new ConfigLoader.Request(root.resolve("devspace.yaml"), root, Map.of("A", "1"), Map.of()))
                        .images().get("app"));
        assertThat(i.cmd().get(0)).hasSize(700_000).startsWith("1x1x");
    }
}
