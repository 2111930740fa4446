package io.jenkins.plugins.devspacebuild.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.jenkins.plugins.devspacebuild.config.ImageName;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Issue 13.6: a tag or digest never changes the path of a registry request (a real HTTP server records the paths). */
class RegistryUrlTest {
    HttpServer server;
    final List<String> paths = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", ex -> {
            paths.add(ex.getRequestURI().getRawPath() + (ex.getRequestURI().getRawQuery() == null ? "" : "?" + ex.getRequestURI().getRawQuery()));
            ex.sendResponseHeaders(404, -1);
            ex.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    RegistryClient client() {
        return new RegistryClient(RegistryCredentials.NONE, RetryPolicy.NONE, e -> { }, Set.of());
    }

    ImageName image() {
        return ImageName.parse("127.0.0.1:" + server.getAddress().getPort() + "/my/app");
    }

    @Test
    void aValidTagIsLookedUpWhereItBelongs() throws Exception {
        assertThat(client().manifestDigest(image(), "v1.0", "app")).isEmpty();
        assertThat(paths).containsExactly("/v2/my/app/manifests/v1.0");
    }

    @Test
    void aTagThatIsNotATagIsNeverSent() {
        for (String bad : List.of("../../../v2/_catalog?x=", "bad tag", "a/b", "", "x#y")) {
            assertThatThrownBy(() -> client().manifestDigest(image(), bad, "app")).as(bad)
                    .hasMessageContaining("is neither a tag nor a digest");
            assertThatThrownBy(() -> client().imageConfig(image(), bad, false, "app")).as(bad)
                    .hasMessageContaining("is neither a tag nor a digest");
        }
        assertThat(paths).isEmpty();
    }
}
