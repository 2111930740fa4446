package io.jenkins.plugins.devspacebuild.docker;

import io.jenkins.plugins.devspacebuild.registry.DockerConfigJson;
import io.jenkins.plugins.devspacebuild.registry.RegistryCredential;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Collection;

/**
 * A {@code DOCKER_CONFIG} directory for one docker CLI call that holds only the given credentials: created private
 * (0700, its config.json 0600), handed to the CLI by path (the secret is never on its argv or in its environment),
 * and deleted by {@link #close()}. The user's own config is not used for such a call: its credential helpers and
 * stores would take precedence over these entries.
 */
public final class PrivateDockerConfig implements AutoCloseable {
    private final Path dir;

    private PrivateDockerConfig(Path dir) {
        this.dir = dir;
    }

    public static PrivateDockerConfig create(Collection<RegistryCredential> credentials) throws IOException {
        return create(credentials, null);
    }

    /**
     * @param parent where the directory is made; null: the system's temporary directory. The builders use the
     *               project's {@code .devspace}, which a process started in another container of a pod (Jenkins'
     *               {@code container()}) sees too, as it shares the workspace
     */
    public static PrivateDockerConfig create(Collection<RegistryCredential> credentials, Path parent) throws IOException {
        if (parent != null) {
            Files.createDirectories(parent);
        }
        var privateDir = PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));
        Path dir = parent == null ? Files.createTempDirectory("devspace-build-docker-config-", privateDir)
                : Files.createTempDirectory(parent, "devspace-build-docker-config-", privateDir);
        try {
            String json = null;
            for (RegistryCredential c : credentials) {
                json = DockerConfigJson.merge(json, c);
            }
            Path file = dir.resolve("config.json");
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, json == null ? "{}" : json, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
            return new PrivateDockerConfig(dir);
        } catch (IOException | RuntimeException e) {
            new PrivateDockerConfig(dir).close();
            throw e;
        }
    }

    /** The value for {@code DOCKER_CONFIG}. */
    public Path directory() {
        return dir;
    }

    /** Deletes the directory and whatever the CLI left in it. */
    @Override
    public void close() throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
