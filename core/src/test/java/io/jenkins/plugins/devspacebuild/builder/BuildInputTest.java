package io.jenkins.plugins.devspacebuild.builder;

import static io.jenkins.plugins.devspacebuild.testing.TestFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.devspacebuild.cache.ContextDigest;
import io.jenkins.plugins.devspacebuild.context.BuildContext;
import io.jenkins.plugins.devspacebuild.context.ContextWalker;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The restart helper travels in the context tar as DevSpace sends it. */
class BuildInputTest {
    @TempDir
    Path tmp;

    @Test
    void theRestartHelperIsAnExecutableEntryInAWritableDirectoryAndIsNeverIgnored() throws Exception {
        write(tmp, "Dockerfile", "FROM scratch\nENTRYPOINT [\"/app\"]\n");
        write(tmp, ".dockerignore", ".devspace\n");
        write(tmp, "app", "x");
        BuildContext ctx = ContextWalker.walk(tmp, tmp.resolve("Dockerfile"), tmp);
        BuildInput input = new BuildInput("FROM scratch\nCOPY /.devspace /\nENTRYPOINT [\"/.devspace/devspace-restart-helper\", \"/app\"]\n", ctx,
                new ContextDigest("x", Map.of(), Map.of()), "FROM scratch\nENTRYPOINT [\"/app\"]\n")
                .withRestartHelper("#!/bin/sh\nexec \"$@\"\n".getBytes(StandardCharsets.UTF_8));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        input.writeTar(out);
        Map<String, TarArchiveEntry> entries = new LinkedHashMap<>();
        Map<String, String> contents = new LinkedHashMap<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new ByteArrayInputStream(out.toByteArray()))) {
            TarArchiveEntry e;
            while ((e = tar.getNextEntry()) != null) {
                entries.put(e.getName(), e);
                contents.put(e.getName(), new String(tar.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        assertThat(entries.get(".devspace/.devspace/").isDirectory()).isTrue();
        assertThat(entries.get(".devspace/.devspace/").getMode() & 07777).isEqualTo(0777);
        assertThat(entries.get(".devspace/.devspace/devspace-restart-helper").getMode() & 07777).isEqualTo(0777);
        assertThat(contents.get(".devspace/.devspace/devspace-restart-helper")).isEqualTo("#!/bin/sh\nexec \"$@\"\n");
        assertThat(contents.get(".dockerignore")).startsWith(".devspace\n")
                .endsWith("!.devspace/.devspace\n!.devspace/.devspace/devspace-restart-helper\n");
        assertThat(contents.get(input.dockerfileName())).startsWith("FROM scratch\nCOPY /.devspace /\n");
        assertThat(entries.get("app").getMode() & 07777).isEqualTo(0644);
    }
}
