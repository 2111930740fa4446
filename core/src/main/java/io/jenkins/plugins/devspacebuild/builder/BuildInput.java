package io.jenkins.plugins.devspacebuild.builder;

import io.jenkins.plugins.devspacebuild.cache.ContextDigest;
import io.jenkins.plugins.devspacebuild.cache.ContextHasher;
import io.jenkins.plugins.devspacebuild.context.BuildContext;
import io.jenkins.plugins.devspacebuild.context.ContextTar;
import io.jenkins.plugins.devspacebuild.dockerfile.RestartHelperInjection;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import io.jenkins.plugins.devspacebuild.util.BoundedFiles;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a builder sends: the hashed context plus the in-memory Dockerfile. When the Dockerfile is inside the context and
 * not overridden, the context's own file is used. Otherwise (an override, or a Dockerfile outside the context) the
 * text is added as {@code .dockerfile.<hash>} and named in the sent {@code .dockerignore}, the way the Docker CLI
 * sends a Dockerfile from elsewhere, so {@code COPY . } never copies it into the image.
 *
 * @param dockerfileText      the Dockerfile the build uses (override applied)
 * @param context             the hashed context
 * @param digest              its hash, used to check that the tar sends the hashed contents
 * @param generatedDockerfile whether the Dockerfile travels as a generated entry (it was overridden, or lies outside the
 *                            context) rather than as the context's own file
 * @param restartHelperScript the restart helper to add as {@code .devspace/.devspace/devspace-restart-helper} (mode 0777,
 *                            in a 0777 directory, as DevSpace adds it), or null
 */
public record BuildInput(String dockerfileText, BuildContext context, ContextDigest digest, boolean generatedDockerfile, byte[] restartHelperScript) {

    public BuildInput(String dockerfileText, BuildContext context, ContextDigest digest, boolean generatedDockerfile) {
        this(dockerfileText, context, digest, generatedDockerfile, null);
    }

    /** The input for a Dockerfile text: generated unless it is the context's own file, unchanged. */
    public BuildInput(String dockerfileText, BuildContext context, ContextDigest digest, String onDiskText) {
        this(dockerfileText, context, digest, context.dockerfileInContext() == null || !dockerfileText.equals(onDiskText), null);
    }

    /** The same input with a restart helper script in the context (null: none). */
    public BuildInput withRestartHelper(byte[] script) {
        return new BuildInput(dockerfileText, context, digest, generatedDockerfile || script != null, script);
    }

    /** The Dockerfile's path inside the tar. */
    public String dockerfileName() {
        return generatedDockerfile() ? ".dockerfile." + ContextHasher.sha256Hex(dockerfileText).substring(0, 20) : context.dockerfileInContext();
    }

    /** The generated entries of the tar (empty when the context's own Dockerfile is used). */
    public Map<String, byte[]> overlay() throws IOException {
        Map<String, byte[]> m = new LinkedHashMap<>();
        if (!generatedDockerfile()) {
            return m;
        }
        String name = dockerfileName();
        m.put(name, dockerfileText.getBytes(StandardCharsets.UTF_8));
        String ignore;
        if (context.hasDockerignore()) {
            ignore = BoundedFiles.readString(context.root().resolve(".dockerignore"), BoundedFiles.SMALL_FILE_LIMIT, "the ignore file") + "\n" + name + "\n";
        } else {
            ignore = ".dockerignore\n" + name + "\n";
        }
        if (restartHelperScript != null) {
            // re-included in case the context's .dockerignore excludes .devspace (BuildKit applies the sent .dockerignore)
            ignore += "!" + HELPER_DIR + "\n!" + RestartHelperInjection.CONTEXT_PATH + "\n";
            m.put(HELPER_DIR + "/", new byte[0]);
            m.put(RestartHelperInjection.CONTEXT_PATH, restartHelperScript);
        }
        m.put(".dockerignore", ignore.getBytes(StandardCharsets.UTF_8));
        return m;
    }

    /** Writes the tar stream. */
    public void writeTar(OutputStream out) throws IOException {
        Map<String, Integer> modes = restartHelperScript == null ? Map.of()
                : Map.of(HELPER_DIR + "/", 0777, RestartHelperInjection.CONTEXT_PATH, 0777);
        ContextTar.write(context, digest.files(), overlay(), modes, out);
    }

    private static final String HELPER_DIR = ".devspace/.devspace";
}
