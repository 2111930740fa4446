package io.jenkins.plugins.devspacebuild.config;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A loaded devspace.yaml: its images in file order (profiles applied), the project root every path must stay inside,
 * warnings about what was read but not used, and the profiles that were applied, in order.
 */
public record ProjectConfig(Path configFile, Path projectRoot, String version, Map<String, ImageConfig> images, List<String> warnings,
                            List<String> profiles) {

    public ProjectConfig {
        images = Collections.unmodifiableMap(new LinkedHashMap<>(images));
        warnings = List.copyOf(warnings);
        profiles = List.copyOf(profiles);
    }

    public ProjectConfig(Path configFile, Path projectRoot, String version, Map<String, ImageConfig> images, List<String> warnings) {
        this(configFile, projectRoot, version, images, warnings, List.of());
    }

    /** A path as shown to people: relative to the project root, with '/' separators. */
    public String display(Path p) {
        Path rel = projectRoot.relativize(p);
        String s = rel.toString().replace('\\', '/');
        return s.isEmpty() ? "." : s;
    }
}
