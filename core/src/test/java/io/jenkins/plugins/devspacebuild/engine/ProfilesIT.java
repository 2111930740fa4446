package io.jenkins.plugins.devspacebuild.engine;

import static io.jenkins.plugins.devspacebuild.testing.TestFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.devspacebuild.registry.Password;
import io.jenkins.plugins.devspacebuild.registry.RegistryCredential;
import io.jenkins.plugins.devspacebuild.registry.StaticCredentials;
import io.jenkins.plugins.devspacebuild.result.ImageResult;
import io.jenkins.plugins.devspacebuild.result.RunResult;
import io.jenkins.plugins.devspacebuild.testing.TestRegistry;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10.1 against the real daemon and registry: the resolved config (profiles applied) is what is hashed, so
 * switching profiles rebuilds only the image the profile changes, and switching back finds the earlier build again.
 */
class ProfilesIT {
    @TempDir
    Path root;

    @Test
    void switchingProfilesRebuildsOnlyWhatTheyChange() throws Exception {
        TestRegistry registry = TestRegistry.shared();
        String namespace = "profiles-it-" + UUID.randomUUID().toString().substring(0, 8);
        write(root, "api/Dockerfile", "FROM scratch\nARG MODE=plain\nCOPY main.txt /main.txt\n");
        write(root, "api/main.txt", "api\n");
        write(root, "web/Dockerfile", "FROM scratch\nCOPY index.txt /index.txt\n");
        write(root, "web/index.txt", "web\n");
        write(root, "devspace.yaml", """
                version: v2beta1
                images:
                  api: {image: "${REGISTRY}/api", dockerfile: ./api/Dockerfile, context: ./api, tags: ["${DEVSPACE_PROFILE}x-###"]}
                  web: {image: "${REGISTRY}/web", dockerfile: ./web/Dockerfile, context: ./web}
                profiles:
                  - name: debug
                    patches:
                      - {op: add, path: images.api.buildArgs, value: {MODE: debug}}
                """);
        StaticCredentials creds = new StaticCredentials(Map.of(registry.address(), new RegistryCredential(registry.address(), registry.user(),
                Password.of(registry.password()), "test credentials")), null);
        BuildEngine engine = new BuildEngine(EngineSettings.of(new HashMap<>(System.getenv()), creds, e -> { }));
        RunOptions base = RunOptions.builder(root.resolve("devspace.yaml")).projectRoot(root)
                .variables(Map.of("REGISTRY", registry.address() + "/" + namespace)).build();

        RunResult plain = engine.build(base);
        assertThat(statuses(plain)).containsExactly(Map.entry("api", "built"), Map.entry("web", "built"));
        assertThat(tag(plain, "api")).matches("x-[a-z0-9]{3}");

        RunResult debug = engine.build(base.toBuilder().profiles(List.of("debug")).build());
        assertThat(statuses(debug)).containsExactly(Map.entry("api", "built"), Map.entry("web", "skipped"));
        assertThat(tag(debug, "api")).matches("debugx-[a-z0-9]{3}");
        assertThat(registry.tagsList(namespace + "/api")).contains("\"" + tag(debug, "api") + "\"").contains("\"" + tag(plain, "api") + "\"");

        RunResult again = engine.build(base.toBuilder().profiles(List.of("debug")).build());
        assertThat(statuses(again)).containsExactly(Map.entry("api", "skipped"), Map.entry("web", "skipped"));
    }

    private static Map<String, String> statuses(RunResult r) {
        Map<String, String> m = new java.util.TreeMap<>();
        r.images().forEach(i -> m.put(i.name(), i.status().text()));
        return m;
    }

    private static String tag(RunResult r, String name) {
        return r.images().stream().filter(i -> i.name().equals(name)).map(ImageResult::tags).findFirst().orElseThrow().get(0);
    }
}
