package io.jenkins.plugins.devspacebuild.builder;

import io.jenkins.plugins.devspacebuild.event.BuildEvent;
import io.jenkins.plugins.devspacebuild.config.BuilderKind;
import io.jenkins.plugins.devspacebuild.config.ConfigException;
import io.jenkins.plugins.devspacebuild.config.CustomSpec;
import io.jenkins.plugins.devspacebuild.config.ImageConfig;
import io.jenkins.plugins.devspacebuild.config.RuntimeVariables;
import io.jenkins.plugins.devspacebuild.registry.RegistryClient;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds with the user's own command ({@code custom.command}), run by {@code sh -c} in the directory of devspace.yaml
 * with the arguments DevSpace passes: {@code args}, then per tag {@code [imageFlag] repository:tag} (or the tag alone
 * with {@code imageTagOnly}; nothing with {@code skipImageArg}), then {@code appendArgs}. The command is expected to
 * push; afterwards the registry is asked for the digest of the first tag.
 * The command also gets {@code DEVSPACE_BUILD_IMAGE}, {@code DEVSPACE_BUILD_TAGS} (space-separated),
 * {@code DEVSPACE_BUILD_DOCKERFILE} and {@code DEVSPACE_BUILD_CONTEXT} in its environment.
 * DevSpace's runtime variables {@code ${runtime.images.KEY.image}} and {@code .tag} in the command, {@code args} and
 * {@code appendArgs} are replaced by what the run knows of image KEY ({@link BuildRequest#runtime()}); the engine
 * builds KEY first.
 */
public final class CustomBuilder implements ImageBuilder {
    private final BuildServices services;
    private final CustomSpec spec;
    private final RegistryClient registry;

    public CustomBuilder(BuildServices services, CustomSpec spec, RegistryClient registry) {
        this.services = services;
        this.spec = spec;
        this.registry = registry;
    }

    @Override
    public BuilderKind kind() {
        return BuilderKind.CUSTOM;
    }

    /**
     * The arguments passed to the command, after the command itself, with the runtime variables of {@code args} and
     * {@code appendArgs} replaced.
     */
    List<String> arguments(BuildRequest request) throws BuildFailedException {
        List<String> args = new ArrayList<>(resolve(spec.args(), request));
        if (!spec.skipImageArg()) {
            for (String tag : request.tags()) {
                if (spec.imageFlag() != null && !spec.imageFlag().isEmpty()) {
                    args.add(spec.imageFlag());
                }
                args.add(spec.imageTagOnly() ? tag : request.image().image().withTag(tag));
            }
        }
        args.addAll(resolve(spec.appendArgs(), request));
        return args;
    }

    /** The command with its {@code ${runtime.images.KEY.image}}/{@code .tag} replaced by what this run knows of KEY. */
    String command(BuildRequest request) throws BuildFailedException {
        return resolve(List.of(spec.command()), request).get(0);
    }

    private static List<String> resolve(List<String> texts, BuildRequest request) throws BuildFailedException {
        List<String> out = new ArrayList<>();
        for (String t : texts) {
            try {
                out.add(RuntimeVariables.resolve(t, request.runtime()));
            } catch (ConfigException e) {
                throw new BuildFailedException("images." + request.key() + ".custom: " + e.getMessage(), e);
            }
        }
        return out;
    }

    @Override
    public BuildOutcome build(BuildRequest request) throws BuildFailedException, InterruptedException {
        String key = request.key();
        ImageConfig image = request.image();
        String command = command(request);
        List<String> cmd = new ArrayList<>(List.of("/bin/sh", "-c", command + " \"$@\"", "devspace-build-custom"));
        cmd.addAll(arguments(request));
        Map<String, String> env = new HashMap<>(services.environment());
        env.put("DEVSPACE_BUILD_IMAGE", image.image().repository());
        env.put("DEVSPACE_BUILD_TAGS", String.join(" ", request.tags()));
        env.put("DEVSPACE_BUILD_DOCKERFILE", image.dockerfile().toString());
        env.put("DEVSPACE_BUILD_CONTEXT", image.context().toString());
        services.events().accept(new BuildEvent.Building(key, name(), "the custom command: " + command));
        StreamingProcess.Result r;
        try {
            r = StreamingProcess.run(services.processes(), cmd, env, services.workingDirectory(), null, key, services.events());
        } catch (IOException e) {
            throw new BuildFailedException("custom build command could not run: " + e.getMessage(), e);
        }
        if (r.exitCode() != 0) {
            String last = r.tail().isEmpty() ? "" : " (last output: " + r.tail().get(r.tail().size() - 1) + ")";
            throw new BuildFailedException("custom build command exited with code " + r.exitCode() + last
                    + "; run it by hand in " + services.workingDirectory() + " to see why");
        }
        String digest = null;
        if (request.push()) {
            try {
                Optional<String> d = registry.manifestDigest(image.image(), request.tags().get(0), key);
                if (d.isEmpty()) {
                    services.events().warning(key, "the custom command succeeded, but " + request.references().get(0)
                            + " is not in the registry; does the command push it?");
                }
                digest = d.orElse(null);
            } catch (IOException e) {
                services.events().warning(key, "could not read the digest of " + request.references().get(0) + ": " + e.getMessage());
            }
        }
        return new BuildOutcome(name(), digest, null);
    }
}
