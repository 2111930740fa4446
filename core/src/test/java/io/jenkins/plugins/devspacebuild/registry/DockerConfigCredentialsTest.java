package io.jenkins.plugins.devspacebuild.registry;

import static io.jenkins.plugins.devspacebuild.testing.TestFiles.executable;
import static io.jenkins.plugins.devspacebuild.testing.TestFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Docker's credential store as `docker login` leaves it: auths, credHelpers, credsStore (real helper processes). */
class DockerConfigCredentialsTest {
    @TempDir
    Path tmp;

    Map<String, String> env() {
        return Map.of("DOCKER_CONFIG", tmp.resolve("docker").toString(), "PATH", tmp.resolve("bin") + ":/usr/bin:/bin", "HOME", tmp.toString());
    }

    /** A helper that records its arguments and stdin, and answers for one server. */
    void helper(String name, String server, String user, String secret) {
        executable(tmp, "bin/docker-credential-" + name, "#!/bin/sh\n"
                + "echo \"$@\" > " + tmp.resolve(name + ".args") + "\n"
                + "read -r host\necho \"$host\" > " + tmp.resolve(name + ".stdin") + "\n"
                + "if [ \"$host\" = \"" + server + "\" ]; then echo '{\"ServerURL\":\"" + server + "\",\"Username\":\"" + user + "\",\"Secret\":\"" + secret
                + "\"}'; else echo 'credentials not found in native keychain'; exit 1; fi\n");
    }

    @Test
    void authsWithAuthIdentityTokenOrFields() throws Exception {
        String auth = Base64.getEncoder().encodeToString("ci:p@ss:word".getBytes(StandardCharsets.UTF_8));
        write(tmp, "docker/config.json", "{\"auths\": {"
                + "\"https://index.docker.io/v1/\": {\"auth\": \"" + auth + "\"},"
                + "\"http://127.0.0.1:5000\": {\"username\": \"u\", \"password\": \"p\"},"
                + "\"registry.example.com\": {\"identitytoken\": \"tok\"}}}");
        DockerConfigCredentials c = new DockerConfigCredentials(env());
        RegistryCredential hub = c.find("docker.io").orElseThrow();
        assertThat(hub.username()).isEqualTo("ci");
        assertThat(hub.password().reveal()).isEqualTo("p@ss:word");
        assertThat(hub.source()).isEqualTo(tmp.resolve("docker/config.json") + " (auths)");
        assertThat(c.find("127.0.0.1:5000").orElseThrow().username()).isEqualTo("u");
        assertThat(c.find("registry.example.com").orElseThrow().username()).isEqualTo("<token>");
        assertThat(c.find("other.example.com")).isEmpty();
        assertThat(hub.toString()).doesNotContain("p@ss:word");
    }

    @Test
    void credHelpersAndCredsStoreRunWithTheServerOnStdin() throws Exception {
        helper("pass", "registry.example.com", "helper-user", "helper-secret");
        helper("store", "https://index.docker.io/v1/", "hub-user", "hub-secret");
        write(tmp, "docker/config.json", "{\"auths\": {\"registry.example.com\": {}}, \"credHelpers\": {\"registry.example.com\": \"pass\"},"
                + " \"credsStore\": \"store\"}");
        DockerConfigCredentials c = new DockerConfigCredentials(env());
        RegistryCredential r = c.find("registry.example.com").orElseThrow();
        assertThat(r.username()).isEqualTo("helper-user");
        assertThat(r.password().reveal()).isEqualTo("helper-secret");
        assertThat(r.source()).isEqualTo("credential helper docker-credential-pass");
        assertThat(Files.readString(tmp.resolve("pass.args")).trim()).isEqualTo("get");
        assertThat(Files.readString(tmp.resolve("pass.stdin")).trim()).isEqualTo("registry.example.com");
        assertThat(c.find("docker.io").orElseThrow().username()).isEqualTo("hub-user");
        assertThat(Files.readString(tmp.resolve("store.stdin")).trim()).isEqualTo("https://index.docker.io/v1/");
        // a helper with nothing for the server: anonymous
        assertThat(c.find("unknown.example.com")).isEmpty();
    }

    @Test
    void brokenConfigurationsSayWhatToFix() {
        write(tmp, "docker/config.json", "{\"credsStore\": \"missing\"}");
        assertThatThrownBy(() -> new DockerConfigCredentials(env()).find("docker.io"))
                .hasMessageContaining("names the credential helper 'missing', but docker-credential-missing is not on the PATH");
        write(tmp, "docker/config.json", "{not json");
        assertThatThrownBy(() -> new DockerConfigCredentials(env()).find("docker.io")).hasMessageContaining("is not valid JSON");
    }

    /** Issue 13.1: a malformed entry gives one error naming the file and entry, never another entry's secret. */
    @Test
    void malformedEntriesNameTheFileAndEchoNoSecret() throws Exception {
        String other = Base64.getEncoder().encodeToString("user:PLANTED-SECRET".getBytes(StandardCharsets.UTF_8));
        write(tmp, "docker/config.json", "{\"auths\": {\"a.example\": {\"auth\": 123}, \"b.example\": {\"auth\": \"" + other + "\"}}}");
        Path file = tmp.resolve("docker/config.json");
        assertThatThrownBy(() -> new DockerConfigCredentials(env()).find("a.example"))
                .hasMessageContaining(file.toString()).hasMessageContaining("auths.a.example.auth is not a string")
                .hasMessageNotContaining(other).hasMessageNotContaining("PLANTED-SECRET");
        // the other entry still works, and a registry without an entry is anonymous
        assertThat(new DockerConfigCredentials(env()).find("b.example").orElseThrow().password().reveal()).isEqualTo("PLANTED-SECRET");
        assertThat(new DockerConfigCredentials(env()).find("c.example")).isEmpty();
        // a syntax error near a secret: the position, not the text
        write(tmp, "docker/config.json", "{\"auths\": {\"b.example\": {\"auth\": " + other + "}}}");
        assertThatThrownBy(() -> new DockerConfigCredentials(env()).find("b.example"))
                .hasMessageContaining(file.toString()).hasMessageContaining("line 1").hasMessageNotContaining(other.substring(0, 8));
        write(tmp, "docker/config.json", "{\"auths\": [\"" + other + "\"], \"credHelpers\": {\"x.example\": 7}}");
        assertThatThrownBy(() -> new DockerConfigCredentials(env()).find("x.example"))
                .hasMessageContaining("credHelpers.x.example is not a string").hasMessageNotContaining(other);
        assertThatThrownBy(() -> new DockerConfigCredentials(env()).find("y.example"))
                .hasMessageContaining("auths is not an object").hasMessageNotContaining(other);
    }

    /** Issue 13.4: a hanging helper times out for real, and it is killed with what it started. */
    @Test
    void aHangingHelperTimesOutAndIsKilled() throws Exception {
        Path childPid = tmp.resolve("child.pid");
        executable(tmp, "bin/docker-credential-hang", "#!/bin/sh\nsleep 600 &\necho $! > " + childPid + "\nwait\n");
        write(tmp, "docker/config.json", "{\"credsStore\": \"hang\"}");
        DockerConfigCredentials c = new DockerConfigCredentials(env(), java.time.Duration.ofSeconds(2));
        long t0 = System.nanoTime();
        // preemptive: before the fix this never returned. 60 s is generous; the timeout is 2 s
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(60), () ->
                assertThatThrownBy(() -> c.find("registry.example.com"))
                        .hasMessageContaining("docker-credential-hang did not answer within 2 s").hasMessageContaining(tmp.resolve("docker/config.json").toString()));
        assertThat(Files.exists(childPid)).isTrue();
        long pid = Long.parseLong(Files.readString(childPid).trim());
        // the helper's own child (the sleep holding stdout open) is gone too; waiting for it is event-driven, bounded at 30 s
        java.util.Optional<ProcessHandle> child = ProcessHandle.of(pid);
        if (child.isPresent()) {
            child.get().onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
        }
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).isNotEqualTo(java.util.Optional.of(true));
        assertThat(System.nanoTime() - t0).isLessThan(java.time.Duration.ofSeconds(45).toNanos());
    }

    /** Issue 13.4: the helper is asked once per registry per run, even by images building at once. */
    @Test
    void theHelperIsAskedOncePerRegistry() throws Exception {
        Path calls = tmp.resolve("calls");
        executable(tmp, "bin/docker-credential-count", "#!/bin/sh\nread -r host\necho \"$host\" >> " + calls + "\nsleep 0.3\n"
                + "echo '{\"Username\":\"u\",\"Secret\":\"s\"}'\n");
        write(tmp, "docker/config.json", "{\"credsStore\": \"count\"}");
        DockerConfigCredentials c = new DockerConfigCredentials(env());
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            java.util.List<java.util.concurrent.Future<java.util.Optional<RegistryCredential>>> fs = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String reg = i % 2 == 0 ? "a.example" : "b.example";
                fs.add(pool.submit(() -> c.find(reg)));
            }
            for (var f : fs) {
                assertThat(f.get().orElseThrow().username()).isEqualTo("u");
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(Files.readAllLines(calls)).containsExactlyInAnyOrder("a.example", "b.example");
    }
}
