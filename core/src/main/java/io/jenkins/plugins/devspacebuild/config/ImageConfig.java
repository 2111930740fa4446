package io.jenkins.plugins.devspacebuild.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One entry of {@code images}, normalised from either config shape, with variables substituted and paths resolved.
 *
 * @param key              the key under {@code images}
 * @param image            the image name; its tag, if written, is already the first of {@link #tags()}
 * @param tags             tag templates ({@code #} = one random character); empty means a random 5-character tag
 * @param dockerfile       absolute, normalised path of the Dockerfile (it may be outside the context)
 * @param context          absolute, normalised path of the build context directory
 * @param entrypoint       the ENTRYPOINT override, or null when not configured
 * @param cmd              the CMD override, or null when not configured
 * @param appendDockerfileInstructions lines appended to the target stage, in order
 * @param buildArgs        build arguments, sorted by name
 * @param target           the stage to build, or null for the last one
 * @param network          the network for RUN steps, or null
 * @param rebuildStrategy  when to rebuild
 * @param skipPush         never push this image
 * @param createPullSecret create an image pull secret for its registry (when its credentials are known)
 * @param builder          the builder block, {@link DockerSpec#DEFAULT} when none is given
 * @param builderDeclared  whether the image names its builder explicitly (no fallback to another kind then)
 * @param disabled         {@code build.disabled: true}: the image is never built
 * @param location         where the image is defined
 * @param restartHelper    {@code injectRestartHelper}/{@code injectLegacyRestartHelper}: ENTRYPOINT wrapped, helper added
 */
public record ImageConfig(
        String key,
        ImageName image,
        List<String> tags,
        Path dockerfile,
        Path context,
        List<String> entrypoint,
        List<String> cmd,
        List<String> appendDockerfileInstructions,
        Map<String, String> buildArgs,
        String target,
        String network,
        RebuildStrategy rebuildStrategy,
        boolean skipPush,
        boolean createPullSecret,
        BuilderSpec builder,
        boolean builderDeclared,
        boolean disabled,
        Location location,
        RestartHelper restartHelper) {

    public ImageConfig {
        tags = List.copyOf(tags);
        entrypoint = entrypoint == null ? null : List.copyOf(entrypoint);
        cmd = cmd == null ? null : List.copyOf(cmd);
        appendDockerfileInstructions = List.copyOf(appendDockerfileInstructions);
        buildArgs = java.util.Collections.unmodifiableMap(new TreeMap<>(buildArgs));
        restartHelper = restartHelper == null ? RestartHelper.NONE : restartHelper;
    }

    /** An image without a restart helper. */
    public ImageConfig(String key, ImageName image, List<String> tags, Path dockerfile, Path context, List<String> entrypoint, List<String> cmd,
                       List<String> appendDockerfileInstructions, Map<String, String> buildArgs, String target, String network,
                       RebuildStrategy rebuildStrategy, boolean skipPush, boolean createPullSecret, BuilderSpec builder, boolean builderDeclared,
                       boolean disabled, Location location) {
        this(key, image, tags, dockerfile, context, entrypoint, cmd, appendDockerfileInstructions, buildArgs, target, network, rebuildStrategy,
                skipPush, createPullSecret, builder, builderDeclared, disabled, location, RestartHelper.NONE);
    }

    /** Whether the Dockerfile must be rewritten in memory before the build. */
    public boolean hasDockerfileOverride() {
        return entrypoint != null || cmd != null || !appendDockerfileInstructions.isEmpty() || restartHelper.enabled();
    }

    /**
     * Why the image is not built, for plans and results that list it as skipped; empty when it is built. The engine
     * shows such an image as "skipped: &lt;reason&gt;" instead of dropping it.
     */
    public java.util.Optional<String> disabledReason() {
        return disabled ? java.util.Optional.of("build.disabled is set (" + location + ")") : java.util.Optional.empty();
    }

    /** The same image under another key (a dependency's image is known as {@code dependency.image}). */
    public ImageConfig withKey(String newKey) {
        return new ImageConfig(newKey, image, tags, dockerfile, context, entrypoint, cmd, appendDockerfileInstructions, buildArgs, target,
                network, rebuildStrategy, skipPush, createPullSecret, builder, builderDeclared, disabled, location, restartHelper);
    }

    public ImageConfig withBuilder(BuilderSpec spec, boolean declared) {
        return new ImageConfig(key, image, tags, dockerfile, context, entrypoint, cmd, appendDockerfileInstructions, buildArgs, target,
                network, rebuildStrategy, skipPush, createPullSecret, spec, declared, disabled, location, restartHelper);
    }

    public ImageConfig withRestartHelper(RestartHelper helper) {
        return new ImageConfig(key, image, tags, dockerfile, context, entrypoint, cmd, appendDockerfileInstructions, buildArgs, target,
                network, rebuildStrategy, skipPush, createPullSecret, builder, builderDeclared, disabled, location, helper);
    }

    public ImageConfig withRebuildStrategy(RebuildStrategy strategy) {
        return new ImageConfig(key, image, tags, dockerfile, context, entrypoint, cmd, appendDockerfileInstructions, buildArgs, target,
                network, strategy, skipPush, createPullSecret, builder, builderDeclared, disabled, location, restartHelper);
    }
}
