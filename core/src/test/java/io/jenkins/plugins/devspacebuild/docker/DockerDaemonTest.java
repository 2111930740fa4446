package io.jenkins.plugins.devspacebuild.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Making the Docker client never throws: a bad address is reported by {@link DockerDaemon#ping()}, naming the variable. */
class DockerDaemonTest {
    @TempDir
    Path tmp;

    @Test
    void unparsableDockerHostIsAnUnreachableDaemonNamingTheVariable() {
        DockerDaemon d = DockerDaemon.fromEnvironment(Map.of("DOCKER_HOST", "tcp://bad host:x"));
        assertThatThrownBy(d::ping).isInstanceOf(DaemonUnreachableException.class)
                .hasMessageContaining("DOCKER_HOST 'tcp://bad host:x'").hasMessageContaining("tcp://HOST:PORT");
    }

    @Test
    void tlsWithoutCertificatesIsAnUnreachableDaemonNamingTheVariables() {
        DockerDaemon d = DockerDaemon.fromEnvironment(Map.of("DOCKER_HOST", "tcp://127.0.0.1:2376", "DOCKER_TLS_VERIFY", "1"));
        assertThatThrownBy(d::ping).isInstanceOf(DaemonUnreachableException.class).hasMessageContaining("DOCKER_CERT_PATH");
    }

    @Test
    void dockerConfigJsonIsNotReadByTheDaemonClient() throws Exception {
        String secret = Base64.getEncoder().encodeToString("user:PLANTED-SECRET".getBytes(StandardCharsets.UTF_8));
        Files.writeString(tmp.resolve("config.json"), "{\"auths\":{\"a.example\":{\"auth\":123},\"b.example\":{\"auth\":\"" + secret + "\"}}}");
        DockerDaemon d = DockerDaemon.fromEnvironment(Map.of("DOCKER_HOST", "tcp://127.0.0.1:1", "DOCKER_CONFIG", tmp.toString()));
        assertThatThrownBy(d::ping).isInstanceOf(DaemonUnreachableException.class)
                .hasMessageStartingWith("Docker daemon not reachable at tcp://127.0.0.1:1").hasMessageNotContaining(secret);
        assertThat(d.host()).isEqualTo("tcp://127.0.0.1:1");
    }
}
