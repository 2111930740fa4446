package io.jenkins.plugins.devspacebuild.config;

import java.util.List;
import java.util.Set;

/** Maps an image of the {@code v2beta1} schema to the model: builder block and build options sit on the image. */
final class CurrentImageMapper {

    private CurrentImageMapper() {
    }

    static ImageConfig map(String key, YamlMapping m, ProjectPaths paths, List<String> warnings) {
        ImageDraft f = new ImageDraft(key, m, paths);
        f.readCommon();
        Problems problems = f.problems;
        problems.attempt(() -> f.target = m.string("target"));
        problems.attempt(() -> f.network = m.string("network"));
        problems.attempt(() -> f.buildArgs = BuilderBlockReader.orEmpty(m.stringMap("buildArgs")));
        problems.attempt(() -> f.skipPush = m.bool("skipPush", false));
        if (m.has("build")) {
            m.ignore("build");
            problems.add(new ConfigException(m.keyLocation("build"), m.child("build"), "'build' belongs to the older shape (v1beta*); in "
                    + "v2beta1 put docker, kaniko or custom directly on the image, or set version: v1beta11"));
        }
        f.readBuilder(m);
        if (m.has("localRegistry")) {
            warnings.add(m.keyLocation("localRegistry") + ": " + m.child("localRegistry") + " is ignored (devspace-build pushes to the "
                    + "registry named in 'image')");
            m.ignore("localRegistry");
        }
        m.rejectUnknown(Set.of());
        return f.build();
    }
}
