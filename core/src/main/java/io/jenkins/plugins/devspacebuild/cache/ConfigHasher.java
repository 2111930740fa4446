package io.jenkins.plugins.devspacebuild.cache;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.jenkins.plugins.devspacebuild.config.ImageConfig;
import io.jenkins.plugins.devspacebuild.dockerfile.RestartHelperInjection;
import java.util.LinkedHashMap;
import java.util.Map;

/** The config hash of an image: canonical JSON (sorted keys) of what decides the built image, tags excluded. */
public final class ConfigHasher {
    private static final ObjectMapper CANONICAL = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private ConfigHasher() {
    }

    public static String hash(ImageConfig image) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("repository", image.image().repository());
        m.put("builder", image.builder().name());
        m.put("builderSettings", image.builder().hashedSettings());
        m.put("buildArgs", image.buildArgs());
        m.put("target", image.target() == null ? "" : image.target());
        m.put("network", image.network() == null ? "" : image.network());
        if (image.restartHelper().enabled()) {
            // the helper script is part of the image (the Dockerfile hash covers the wrapped ENTRYPOINT)
            m.put("restartHelper", ContextHasher.sha256Hex(new String(RestartHelperInjection.script(image.restartHelper()),
                    java.nio.charset.StandardCharsets.UTF_8)));
        }
        try {
            return ContextHasher.sha256Hex(CANONICAL.writeValueAsString(m));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("config of image " + image.key() + " cannot be written as JSON", e);
        }
    }
}
