package io.jenkins.plugins.devspacebuild.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URL;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The engine must run against the library versions it was compiled and tested with. In the real plugin build the
 * test classpath holds the libraries the API plugins (docker-java-api, kubernetes-client-api, snakeyaml-api,
 * jackson2-api, commons-compress-api, at the versions plugin/pom.xml's BOM pins) bring, since core's own copies are
 * excluded; this fails when the jar a library's class is loaded from has another version than core's (root pom.xml).
 * See plugin/README.md.
 */
class LibraryVersionsUnitTest {
    /** groupId:artifactId, and a class of that jar. */
    private static final Map<String, String> CLASSES = Map.of(
            "com.github.docker-java:docker-java-core", "com.github.dockerjava.core.DockerClientImpl",
            "io.fabric8:kubernetes-client-api", "io.fabric8.kubernetes.client.KubernetesClient",
            "org.yaml:snakeyaml", "org.yaml.snakeyaml.Yaml",
            "com.fasterxml.jackson.core:jackson-databind", "com.fasterxml.jackson.databind.ObjectMapper",
            "org.apache.commons:commons-compress", "org.apache.commons.compress.archivers.tar.TarArchiveOutputStream");

    @Test
    void theApiPluginsProvideTheVersionsTheEngineIsBuiltWith() throws Exception {
        Properties expected = new Properties();
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("io/jenkins/plugins/devspacebuild/library-versions.properties")) {
            assertThat(in).as("core's library-versions.properties").isNotNull();
            expected.load(in);
        }
        assertThat(expected.stringPropertyNames()).isEqualTo(CLASSES.keySet());
        for (String library : expected.stringPropertyNames()) {
            String[] ga = library.split(":");
            Class<?> c = Class.forName(CLASSES.get(library), false, getClass().getClassLoader());
            URL jar = c.getProtectionDomain().getCodeSource().getLocation();
            Properties p = new Properties();
            try (InputStream in = new URL("jar:" + jar + "!/META-INF/maven/" + ga[0] + "/" + ga[1] + "/pom.properties").openStream()) {
                p.load(in);
            }
            assertThat(p.getProperty("version")).as("version of %s in %s", library, jar).isEqualTo(expected.getProperty(library));
        }
    }
}
