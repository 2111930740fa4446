package io.jenkins.plugins.devspacebuild.config;

import static io.jenkins.plugins.devspacebuild.testing.TestFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.devspacebuild.cache.ConfigHasher;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 10.1: profiles as DevSpace applies them, per config version. */
class ProfilesTest {
    @TempDir
    Path root;

    @BeforeEach
    void dockerfiles() {
        write(root, "Dockerfile", "FROM scratch\n");
        write(root, "api/Dockerfile", "FROM scratch\n");
        write(root, "web/Dockerfile.prod", "FROM scratch\n");
    }

    private ProjectConfig load(String yaml, List<String> profiles) throws ConfigException {
        return load(yaml, profiles, Map.of());
    }

    private ProjectConfig load(String yaml, List<String> profiles, Map<String, String> env) throws ConfigException {
        write(root, "devspace.yaml", yaml);
        return ConfigLoader.load(new ConfigLoader.Request(root.resolve("devspace.yaml"), root, Map.of(), env, profiles));
    }

    private static final String CURRENT = """
            version: v2beta1
            images:
              api:
                image: my/api
                dockerfile: ./api/Dockerfile
                context: ./api
                tags: [dev]
              web:
                image: my/web
            profiles:
              - name: production
                patches:
                  - op: replace
                    path: images.api.image
                    value: registry.example.com/api
                  - op: add
                    path: /images/web/dockerfile
                    value: ./web/Dockerfile.prod
                  - op: remove
                    path: images.api.tags
                  - op: add
                    path: images.api.buildArgs
                    value: {MODE: prod}
              - name: no-push
                patches:
                  - op: add
                    path: $.images.*.skipPush
                    value: true
              - name: staging
                parent: production
                merge:
                  images:
                    web:
                      buildArgs: {MODE: staging}
                    api: null
              - name: only-web
                replace:
                  images:
                    web: {image: my/only-web}
              - name: tagged
                activation:
                  - env: {CI_BRANCH: "release-.*"}
                patches:
                  - {op: add, path: "images.web.tags", value: ["${DEVSPACE_PROFILE}"]}
            """;

    @Test
    void patchesInEverySyntax() throws Exception {
        ProjectConfig c = load(CURRENT, List.of("production"));
        ImageConfig api = c.images().get("api");
        assertThat(api.image().repository()).isEqualTo("registry.example.com/api");
        assertThat(api.tags()).isEmpty();
        assertThat(api.buildArgs()).containsEntry("MODE", "prod");
        assertThat(c.images().get("web").dockerfile()).isEqualTo(root.resolve("web/Dockerfile.prod"));
        assertThat(c.profiles()).containsExactly("production");
    }

    @Test
    void withoutProfilesTheBaseConfigIsUsed() throws Exception {
        ProjectConfig c = load(CURRENT, List.of());
        assertThat(c.images().get("api").image().repository()).isEqualTo("my/api");
        assertThat(c.images().get("api").tags()).containsExactly("dev");
        assertThat(c.profiles()).isEmpty();
    }

    @Test
    void wildcardPathsAndSeveralProfilesInOrder() throws Exception {
        ProjectConfig c = load(CURRENT, List.of("production", "no-push"));
        assertThat(c.images().values()).allSatisfy(i -> assertThat(i.skipPush()).isTrue()).hasSize(2);
        assertThat(c.images().get("api").image().repository()).isEqualTo("registry.example.com/api");
        assertThat(c.profiles()).containsExactly("production", "no-push");
    }

    @Test
    void parentIsAppliedFirstThenMergeWithNullRemoving() throws Exception {
        ProjectConfig c = load(CURRENT, List.of("staging"));
        assertThat(c.images()).containsOnlyKeys("web");
        assertThat(c.images().get("web").buildArgs()).containsEntry("MODE", "staging");
        assertThat(c.images().get("web").dockerfile()).isEqualTo(root.resolve("web/Dockerfile.prod"));
        assertThat(c.profiles()).containsExactly("production", "staging");
    }

    @Test
    void replaceReplacesTheWholeSection() throws Exception {
        ProjectConfig c = load(CURRENT, List.of("only-web"));
        assertThat(c.images()).containsOnlyKeys("web");
        assertThat(c.images().get("web").image().repository()).isEqualTo("my/only-web");
    }

    @Test
    void activationByEnvironmentAndThePredefinedProfileVariable() throws Exception {
        assertThat(load(CURRENT, List.of(), Map.of("CI_BRANCH", "main")).images().get("web").tags()).isEmpty();
        ProjectConfig c = load(CURRENT, List.of(), Map.of("CI_BRANCH", "release-1.2"));
        assertThat(c.profiles()).containsExactly("tagged");
        assertThat(c.images().get("web").tags()).containsExactly("tagged");
    }

    @Test
    void unknownProfileNamesTheExistingOnes() {
        assertThatThrownBy(() -> load(CURRENT, List.of("prod")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("no profile 'prod' in devspace.yaml; its profiles are: production, no-push, staging, only-web, tagged");
        assertThatThrownBy(() -> load("version: v2beta1\nimages: {a: {image: my/a}}\n", List.of("x")))
                .hasMessage("no profile 'x' in devspace.yaml; it defines no profiles");
    }

    @Test
    void aProblemInAPatchedValuePointsAtTheProfile() {
        assertThatThrownBy(() -> load(CURRENT + """
                  - name: broken
                    patches:
                      - op: replace
                        path: images.web.image
                        value: [not, a, name]
                      - op: replace
                        path: images.nope.image
                        value: x
                """, List.of("broken")))
                .hasMessage("devspace.yaml:51:9: profiles[5].patches[1].path: 'images.nope.image' matches nothing in the config, so "
                        + "'replace' cannot apply; check the keys and indexes (paths look like images.app.image, /images/app/image or "
                        + "deployments[name=api])");
        assertThatThrownBy(() -> load(CURRENT + """
                  - name: broken
                    patches:
                      - op: replace
                        path: images.web.image
                        value: [not, a, name]
                """, List.of("broken")))
                .hasMessage("devspace.yaml:49:16: images.web.image: expected a single value, found a list");
    }

    @Test
    void legacyProfilesWithParentsStrategicMergeAndSelectors() throws Exception {
        ProjectConfig c = load("""
                version: v1beta9
                images:
                  api:
                    image: my/api
                    dockerfile: ./api/Dockerfile
                    context: ./api
                    build:
                      docker:
                        options:
                          buildArgs: {A: "1"}
                deployments:
                  - name: api
                    helm: {chart: {name: ./chart}}
                profiles:
                  - name: base
                    patches:
                      - op: replace
                        path: images.api.build.docker.options.buildArgs.A
                        value: "2"
                  - name: kaniko
                    parents:
                      - profile: base
                    strategicMerge:
                      deployments:
                        - name: api
                          helm: {chart: {name: ./other}}
                    patches:
                      - op: replace
                        path: /images/api/build
                        value: {kaniko: {cache: false}}
                      - op: add
                        path: deployments[name=api].namespace
                        value: prod
                """, List.of("kaniko"));
        ImageConfig api = c.images().get("api");
        assertThat(api.builder()).isInstanceOf(KanikoSpec.class);
        assertThat(((KanikoSpec) api.builder()).cache()).isFalse();
        assertThat(c.profiles()).containsExactly("base", "kaniko");
    }

    @Test
    void parentCycleAndActivationInV1beta9AreErrors() {
        assertThatThrownBy(() -> load("""
                version: v2beta1
                images: {a: {image: my/a}}
                profiles:
                  - {name: x, parent: y}
                  - {name: y, parent: x}
                """, List.of("x"))).hasMessageContaining("its parents form a cycle");
        assertThatThrownBy(() -> load("""
                version: v1beta9
                images: {a: {image: my/a}}
                profiles:
                  - name: x
                    activation: [{env: {A: b}}]
                """, List.of())).hasMessageContaining("profiles[0].activation: activation is not part of config version v1beta9");
    }

    @Test
    void switchingProfilesChangesTheConfigHashOfTheChangedImageOnly() throws Exception {
        String yaml = """
                version: v2beta1
                images:
                  api: {image: my/api, dockerfile: ./api/Dockerfile, context: ./api}
                  web: {image: my/web}
                profiles:
                  - name: debug
                    patches:
                      - {op: add, path: images.api.buildArgs, value: {DEBUG: "1"}}
                """;
        ProjectConfig plain = load(yaml, List.of());
        ProjectConfig debug = load(yaml, List.of("debug"));
        assertThat(ConfigHasher.hash(debug.images().get("web"))).isEqualTo(ConfigHasher.hash(plain.images().get("web")));
        assertThat(ConfigHasher.hash(debug.images().get("api"))).isNotEqualTo(ConfigHasher.hash(plain.images().get("api")));
    }

    @Test
    void patchPathSyntaxes() {
        assertThat(PatchPath.parse("images.api.image").segments()).containsExactly(new PatchPath.Key("images"), new PatchPath.Key("api"),
                new PatchPath.Key("image"));
        assertThat(PatchPath.parse("/deployments/0/helm").segments()).containsExactly(new PatchPath.Key("deployments"),
                new PatchPath.Key("0"), new PatchPath.Key("helm"));
        assertThat(PatchPath.parse("deployments[name=api].helm").segments()).containsExactly(new PatchPath.Key("deployments"),
                new PatchPath.Select("name", "api"), new PatchPath.Key("helm"));
        assertThat(PatchPath.parse("$.dev.ports[?(@.name=='x')]").segments()).containsExactly(new PatchPath.Key("dev"),
                new PatchPath.Key("ports"), new PatchPath.Select("name", "x"));
        assertThat(PatchPath.parse("images[\"my.app\"].tags[-]").segments()).containsExactly(new PatchPath.Key("images"),
                new PatchPath.Key("my.app"), new PatchPath.Key("tags"), new PatchPath.Append());
        assertThatThrownBy(() -> PatchPath.parse("images..x")).hasMessageContaining("empty step");
    }
}
