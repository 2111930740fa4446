package io.jenkins.plugins.devspacebuild.config;

import static io.jenkins.plugins.devspacebuild.testing.TestFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.devspacebuild.cache.ConfigHasher;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** injectRestartHelper / injectLegacyRestartHelper / restartHelperPath per version, and v1beta9's preferSyncOverRebuild. */
class RestartHelperConfigTest {
    @TempDir
    Path root;

    @BeforeEach
    void dockerfile() {
        write(root, "Dockerfile", "FROM scratch\nENTRYPOINT [\"/app\"]\n");
    }

    ImageConfig load(String yaml) throws ConfigException {
        write(root, "devspace.yaml", yaml);
        return ConfigLoader.load(new ConfigLoader.Request(root.resolve("devspace.yaml"), root, Map.of(), Map.of())).images().get("app");
    }

    @Test
    void olderVersionsInjectTheHelperThatStartsAtOnce() throws Exception {
        ImageConfig app = load("version: v1beta11\nimages:\n  app:\n    image: my/app\n    injectRestartHelper: true\n");
        assertThat(app.restartHelper().kind()).isEqualTo(RestartHelper.Kind.START_AT_ONCE);
        assertThat(app.restartHelper().origin()).isEqualTo("images.app.injectRestartHelper");
        assertThat(app.hasDockerfileOverride()).isTrue();
    }

    @Test
    void v2beta1HasBothHelpers() throws Exception {
        assertThat(load("version: v2beta1\nname: x\nimages:\n  app:\n    image: my/app\n    injectRestartHelper: true\n").restartHelper().kind())
                .isEqualTo(RestartHelper.Kind.WAIT_FOR_START);
        assertThat(load("version: v2beta1\nname: x\nimages:\n  app:\n    image: my/app\n    injectLegacyRestartHelper: true\n").restartHelper().kind())
                .isEqualTo(RestartHelper.Kind.START_AT_ONCE);
        assertThat(load("version: v2beta1\nname: x\nimages:\n  app:\n    image: my/app\n").restartHelper()).isEqualTo(RestartHelper.NONE);
    }

    @Test
    void restartHelperPathIsReadAndIsPartOfTheConfigHash() throws Exception {
        write(root, "hack/restart.sh", "#!/bin/sh\nexec \"$@\"\n");
        String yaml = "version: v1beta10\nimages:\n  app:\n    image: my/app\n    injectRestartHelper: true\n    restartHelperPath: hack/restart.sh\n";
        ImageConfig app = load(yaml);
        assertThat(app.restartHelper().script()).isEqualTo("#!/bin/sh\nexec \"$@\"\n");
        String before = ConfigHasher.hash(app);
        write(root, "hack/restart.sh", "#!/bin/sh\necho changed\nexec \"$@\"\n");
        assertThat(ConfigHasher.hash(load(yaml))).isNotEqualTo(before);
        ImageConfig without = load("version: v1beta10\nimages:\n  app:\n    image: my/app\n");
        assertThat(ConfigHasher.hash(without)).isNotEqualTo(before);
    }

    @Test
    void aUrlOrAMissingScriptIsAnError() {
        assertThatThrownBy(() -> load("version: v1beta11\nimages:\n  app:\n    image: my/app\n    injectRestartHelper: true\n"
                + "    restartHelperPath: https://example.com/h.sh\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("images.app.restartHelperPath: 'https://example.com/h.sh' is a URL; devspace-build does not download");
        assertThatThrownBy(() -> load("version: v1beta11\nimages:\n  app:\n    image: my/app\n    injectRestartHelper: true\n"
                + "    restartHelperPath: nope.sh\n"))
                .hasMessageContaining("images.app.restartHelperPath: 'nope.sh' cannot be read (NoSuchFileException)");
    }

    @Test
    void theCustomBuilderGetsNoHelperAsInDevSpace() throws Exception {
        ImageConfig app = load("version: v1beta11\nimages:\n  app:\n    image: my/app\n    injectRestartHelper: true\n"
                + "    build:\n      custom:\n        command: ./build.sh\n");
        assertThat(app.restartHelper()).isEqualTo(RestartHelper.NONE);
    }

    @Test
    void preferSyncOverRebuildBecomesIgnoreContextChangesInV1beta9WhenASyncNamesTheImage() throws Exception {
        String synced = "version: v1beta9\nimages:\n  app:\n    image: my/app\n    preferSyncOverRebuild: true\n"
                + "dev:\n  sync:\n  - imageName: app\n    localSubPath: ./\n";
        assertThat(load(synced).rebuildStrategy()).isEqualTo(RebuildStrategy.IGNORE_CONTEXT_CHANGES);
        String notSynced = "version: v1beta9\nimages:\n  app:\n    image: my/app\n    preferSyncOverRebuild: true\n"
                + "dev:\n  sync:\n  - imageName: other\n";
        assertThat(load(notSynced).rebuildStrategy()).isEqualTo(RebuildStrategy.DEFAULT);
        assertThat(load(synced.replace("v1beta9", "v1beta10")).rebuildStrategy()).isEqualTo(RebuildStrategy.DEFAULT);
        assertThat(load(synced.replace("    preferSyncOverRebuild: true\n", "    preferSyncOverRebuild: true\n    rebuildStrategy: always\n"))
                .rebuildStrategy()).isEqualTo(RebuildStrategy.ALWAYS);
    }
}
