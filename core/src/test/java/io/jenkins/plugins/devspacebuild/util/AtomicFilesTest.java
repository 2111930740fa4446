package io.jenkins.plugins.devspacebuild.util;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.devspacebuild.cache.BuildCache;
import io.jenkins.plugins.devspacebuild.cache.CacheStore;
import io.jenkins.plugins.devspacebuild.result.ResultFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 13.12: outputs and the cache (which hold no secret) get the umask's permissions, not always 0600. */
class AtomicFilesTest {
    @TempDir
    Path tmp;

    @Test
    void outputsAndCacheHonourTheUmask() throws Exception {
        // what any tool of this process would create: 0666 minus the umask
        Set<PosixFilePermission> umasked = Files.getPosixFilePermissions(Files.createFile(tmp.resolve("probe")));
        ResultFiles.write(tmp.resolve("out/images.env"), "A=b\n");
        CacheStore.write(tmp.resolve(".devspace/c.json"), BuildCache.empty());
        assertThat(Files.getPosixFilePermissions(tmp.resolve("out/images.env"))).isEqualTo(umasked);
        assertThat(Files.getPosixFilePermissions(tmp.resolve(".devspace/c.json"))).isEqualTo(umasked);
        assertThat(Files.readString(tmp.resolve("out/images.env"))).isEqualTo("A=b\n");
        try (Stream<Path> s = Files.list(tmp.resolve("out"))) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactly("images.env");
        }
    }

    @Test
    void theToolVersionIsNeverNull() {
        // the embedded builder's history says devspace-build:<this>; it said devspace-build:null
        assertThat(ToolVersion.get()).isNotBlank().isNotEqualTo("null");
    }
}
