package io.jenkins.plugins.devspacebuild.config;

import java.nio.file.Path;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The image fields DevSpace has for its dev mode that change what is built: the restart helper
 * ({@link RestartHelper}) and, in v1beta9, {@code preferSyncOverRebuild}, which DevSpace's upgrade to v1beta10 turns
 * into {@code rebuildStrategy: ignoreContextChanges} when a {@code dev.sync} entry names the image
 * ({@code imageName}), and drops otherwise. An explicit {@code rebuildStrategy} wins. As in DevSpace, the custom builder
 * gets no restart helper.
 */
final class DevModeImageFields {

    private DevModeImageFields() {
    }

    static ImageConfig apply(ImageConfig image, YamlMapping m, YamlMapping doc, String version, boolean legacyShape, Path configDir)
            throws ConfigException {
        ImageConfig out = image;
        RestartHelper helper = RestartHelper.read(m, legacyShape, configDir);
        // DevSpace's custom builder runs the user's command on the original Dockerfile: no helper is injected there
        if (helper.enabled() && !(image.builder() instanceof CustomSpec)) {
            out = out.withRestartHelper(helper);
        }
        if ("v1beta9".equals(version) && !m.has("rebuildStrategy") && m.bool("preferSyncOverRebuild", false)
                && syncNamesImage(doc.node("dev"), image.key())) {
            out = out.withRebuildStrategy(RebuildStrategy.IGNORE_CONTEXT_CHANGES);
        }
        return out;
    }

    /** Whether {@code dev.sync} (a list of mappings) has an entry with {@code imageName: key}. */
    private static boolean syncNamesImage(Node dev, String key) {
        if (!(dev instanceof MappingNode d)) {
            return false;
        }
        for (NodeTuple t : d.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals("sync") && t.getValueNode() instanceof SequenceNode list) {
                for (Node item : list.getValue()) {
                    if (item instanceof MappingNode entry) {
                        for (NodeTuple e : entry.getValue()) {
                            if (e.getKeyNode() instanceof ScalarNode ek && ek.getValue().equals("imageName")
                                    && e.getValueNode() instanceof ScalarNode v && v.getValue().equals(key)) {
                                return true;
                            }
                        }
                    }
                }
            }
        }
        return false;
    }
}
