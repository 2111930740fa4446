package io.jenkins.plugins.devspacebuild.config;

import static io.jenkins.plugins.devspacebuild.testing.TestFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 13.2: bad YAML never hangs; oversized or non-regular files are refused before they are read. */
class ConfigFileReaderTest {
    @TempDir
    Path root;

    private ProjectConfig load(String fileName) throws ConfigException {
        return ConfigLoader.load(new ConfigLoader.Request(root.resolve(fileName), root, Map.of(), Map.of()));
    }

    /** 9 levels of 10 aliases each: 90 aliases that expand to 10^9 values. {@code merge}: as merge keys. */
    static String aliasBomb(boolean merge) {
        StringBuilder sb = new StringBuilder("version: v2beta1\nimages:\n  app:\n    image: my/app\ndeployments:\n  a0: &a0 {x: 1}\n");
        for (int level = 1; level <= 9; level++) {
            String prev = "*a" + (level - 1);
            String ten = String.join(",", java.util.Collections.nCopies(10, prev));
            sb.append("  a").append(level).append(": &a").append(level).append(merge ? " {<<: [" + ten + "]}" : " [" + ten + "]").append('\n');
        }
        return sb.toString();
    }

    @Test
    void aliasBombIsRefusedQuicklyWithAClearError() {
        write(root, "Dockerfile", "FROM scratch\n");
        for (boolean merge : new boolean[] {false, true}) {
            String yaml = aliasBomb(merge);
            assertThat(yaml.length()).isLessThan(1100);
            write(root, "devspace.yaml", yaml);
            // generous bound on a loaded 2-core machine: before the fix this ran for minutes
            assertTimeoutPreemptively(Duration.ofSeconds(20), () ->
                    assertThatThrownBy(() -> load("devspace.yaml")).isInstanceOf(ConfigException.class)
                            .hasMessageStartingWith("devspace.yaml: the YAML aliases (*name) expand to more than 100000 values")
                            .hasMessageNotContaining("Exception"));
        }
    }

    @Test
    void mergeKeysThroughSharedAnchorsStillWork() throws Exception {
        write(root, "Dockerfile", "FROM scratch\n");
        write(root, "devspace.yaml", """
                version: v2beta1
                x-base: &base {context: ./}
                x-mid: &mid {<<: *base, dockerfile: ./Dockerfile}
                images:
                  a: {<<: *mid, image: my/a}
                  b: {<<: [*mid, *base], image: my/b}
                """);
        ProjectConfig c = load("devspace.yaml");
        assertThat(c.images()).containsOnlyKeys("a", "b");
        assertThat(c.images().get("b").dockerfile()).isEqualTo(root.resolve("Dockerfile"));
    }

    @Test
    void oversizedFileIsRefusedBeforeReading() throws IOException {
        String big = "version: v2beta1\nimages:\n  app:\n    image: my/app\n    cmd: [\"" + "x".repeat(5 * 1024 * 1024) + "\"]\n";
        Files.writeString(root.resolve("devspace.yaml"), big);
        assertThatThrownBy(() -> load("devspace.yaml")).isInstanceOf(ConfigException.class)
                .hasMessageMatching("devspace\\.yaml: the file is \\d+ bytes, more than the 2097152 bytes a devspace\\.yaml may have; "
                        + "check that -f names the right file");
    }

    @Test
    void directoriesAndDevicesAreRefused() throws IOException {
        Files.createDirectories(root.resolve("dir.yaml"));
        assertThatThrownBy(() -> load("dir.yaml")).hasMessage("dir.yaml: not a regular file (a directory); give the devspace.yaml file itself with -f FILE");
        assertThatThrownBy(() -> ConfigLoader.load(new ConfigLoader.Request(Path.of("/dev/zero"), Path.of("/"), Map.of(), Map.of())))
                .hasMessage("dev/zero: not a regular file (a device, FIFO or socket); give the devspace.yaml file itself with -f FILE");
    }

    @Test
    void nonUtf8IsRefused() throws IOException {
        Files.write(root.resolve("devspace.yaml"), new byte[] {'v', ':', ' ', (byte) 0xff, '\n'});
        assertThatThrownBy(() -> load("devspace.yaml")).hasMessage("devspace.yaml: not UTF-8 text; save the file as UTF-8");
    }

    @Test
    void expandedSizeCountsSharedNodesOnceEach() throws ConfigException {
        var n = ConfigFileReader.compose("a: &a [1, 2]\nb: [*a, *a, *a]\n", "x.yaml");
        // top mapping 1 + keys 2 + a-list 3 + b-list 1 + 3 * 3
        assertThat(ConfigFileReader.expandedSize(n, new java.util.IdentityHashMap<>())).isEqualTo(16);
    }

    @Test
    void recursiveAliasIsRefused() {
        write(root, "devspace.yaml", "version: v2beta1\nx: &x\n  - a\n  - *x\nimages:\n  app: {image: my/app}\n");
        assertThatThrownBy(() -> load("devspace.yaml"))
                .hasMessageStartingWith("devspace.yaml: a YAML alias (*name) refers to a mapping or list that contains it");
    }
}
