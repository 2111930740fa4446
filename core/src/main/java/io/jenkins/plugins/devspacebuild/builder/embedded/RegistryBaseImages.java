package io.jenkins.plugins.devspacebuild.builder.embedded;

import io.jenkins.plugins.devspacebuild.event.BuildEvent;
import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.devspacebuild.config.ImageName;
import io.jenkins.plugins.devspacebuild.event.EventSink;
import io.jenkins.plugins.devspacebuild.registry.RegistryClient;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Looks FROM images up in their registries with the engine's registry client (its credentials, retries and token
 * flow): the configuration the Dockerfile is interpreted against, and the manifest digest that pins the base jib pulls.
 */
public final class RegistryBaseImages implements BaseImages {
    private final RegistryClient registry;
    private final boolean plainHttp;
    private final String imageKey;
    private final EventSink events;

    /** @param plainHttp reach every registry over plain HTTP ({@code embedded.insecure}) */
    public RegistryBaseImages(RegistryClient registry, boolean plainHttp, String imageKey, EventSink events) {
        this.registry = registry;
        this.plainHttp = plainHttp;
        this.imageKey = imageKey;
        this.events = events;
    }

    @Override
    public ResolvedBase resolve(String written) throws IOException, InterruptedException {
        String name = written;
        String reference = null;
        int at = written.indexOf('@');
        if (at >= 0) {
            name = written.substring(0, at);
            reference = written.substring(at + 1);
        }
        ImageName n = ImageName.parse(name);
        if (reference == null) {
            reference = n.tag() == null ? "latest" : n.tag();
        }
        events.accept(new BuildEvent.BaseImageRead(imageKey, written, n.registry()));
        Optional<RegistryClient.RemoteImage> remote = registry.imageConfig(n, reference, plainHttp, imageKey);
        if (remote.isEmpty()) {
            throw new IOException("the base image " + written + " is not in registry " + n.registry() + " (repository " + n.path()
                    + "); push it there, or correct the name");
        }
        String pinned = n.registry() + "/" + n.path() + "@" + remote.get().digest();
        return new ResolvedBase(written, n.registry(), pinned, config(remote.get().config()));
    }

    /** The parts of an image config's {@code config} object a Dockerfile builds on. */
    public static BaseImageConfig config(JsonNode c) {
        Map<String, String> env = new LinkedHashMap<>();
        for (JsonNode e : c.path("Env")) {
            String kv = e.asText();
            int eq = kv.indexOf('=');
            env.put(eq < 0 ? kv : kv.substring(0, eq), eq < 0 ? "" : kv.substring(eq + 1));
        }
        Map<String, String> labels = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = c.path("Labels").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            labels.put(e.getKey(), e.getValue().asText());
        }
        Set<String> ports = new LinkedHashSet<>();
        c.path("ExposedPorts").fieldNames().forEachRemaining(p -> ports.add(p.contains("/") ? p : p + "/tcp"));
        Set<String> volumes = new LinkedHashSet<>();
        c.path("Volumes").fieldNames().forEachRemaining(volumes::add);
        return new BaseImageConfig(strings(c.path("Entrypoint")), strings(c.path("Cmd")), env, labels, text(c.path("WorkingDir")),
                text(c.path("User")), ports, volumes, strings(c.path("Shell")), strings(c.path("OnBuild")));
    }

    private static List<String> strings(JsonNode n) {
        if (!n.isArray()) {
            return null;
        }
        List<String> out = new ArrayList<>();
        n.forEach(e -> out.add(e.asText()));
        return out;
    }

    private static String text(JsonNode n) {
        return n.isTextual() && !n.asText().isEmpty() ? n.asText() : null;
    }
}
