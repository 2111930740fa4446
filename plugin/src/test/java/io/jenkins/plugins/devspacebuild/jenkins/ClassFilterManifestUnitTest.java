package io.jenkins.plugins.devspacebuild.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.devspacebuild.result.ImageResult;
import io.jenkins.plugins.devspacebuild.result.RunResult;
import java.io.File;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * JEP-200: the agent sends {@link RunResult} and {@link ImageResult} (classes of the bundled devspace-build-core jar)
 * back to the controller, whose ClassFilterImpl admits a bundled library's classes only when the jar's manifest says
 * {@code Jenkins-ClassFilter-Whitelisted: true} (jenkins-2.541.3 ClassFilterImpl.isPluginManifest). In the reactor
 * build the plugin's tests see core as its packaged jar.
 */
class ClassFilterManifestUnitTest {
    @Test
    void theCoreJarIsWhitelistedForTheClassFilter() throws Exception {
        File jar = new File(RunResult.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertThat(jar.getName()).as("core on the classpath as a jar").endsWith(".jar").startsWith("devspace-build-core");
        assertThat(new File(ImageResult.class.getProtectionDomain().getCodeSource().getLocation().toURI())).isEqualTo(jar);
        try (JarFile j = new JarFile(jar)) {
            assertThat(j.getManifest().getMainAttributes().getValue("Jenkins-ClassFilter-Whitelisted")).isEqualTo("true");
        }
    }
}
