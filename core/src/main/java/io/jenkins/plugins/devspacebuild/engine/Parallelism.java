package io.jenkins.plugins.devspacebuild.engine;

import io.jenkins.plugins.devspacebuild.config.BuilderKind;
import java.util.Collection;

/**
 * How many images are built at once. {@code --build-sequential}: one. {@code --max-parallel N}: at most N. Otherwise
 * (the default) not "all": 1,000 images must not start 1,000 builds. The default cap depends on where the work of the
 * builders in the run happens, and the smallest applies:
 * <ul>
 *   <li>embedded: in this JVM (layer tars, hashing), so one per core (at least 2);</li>
 *   <li>docker, custom: in the daemon or a process on this machine, while this JVM mostly waits: two per core (at
 *       least 4);</li>
 *   <li>kaniko: in pods of the cluster: four per core (at least 8).</li>
 * </ul>
 * Skip verification (a registry request or a daemon inspect per skipped image) runs at most {@link #verification} at
 * once.
 */
public final class Parallelism {
    private Parallelism() {
    }

    /** The limit for building {@code toBuild} images with these builder kinds on a machine with {@code cpus} cores. */
    public static int of(RunOptions options, int toBuild, Collection<BuilderKind> kinds, int cpus) {
        int n = Math.max(1, toBuild);
        if (options.buildSequential()) {
            return 1;
        }
        if (options.maxParallel() > 0) {
            return Math.min(options.maxParallel(), n);
        }
        return Math.min(n, defaultCap(kinds, cpus));
    }

    /** The default cap for a run whose images use these builder kinds. */
    public static int defaultCap(Collection<BuilderKind> kinds, int cpus) {
        int c = Math.max(1, cpus);
        int cap = Integer.MAX_VALUE;
        for (BuilderKind k : kinds) {
            cap = Math.min(cap, switch (k) {
                case EMBEDDED -> Math.max(2, c);
                case DOCKER, BUILDKIT, CUSTOM -> Math.max(4, 2 * c);
                case KANIKO -> Math.max(8, 4 * c);
            });
        }
        return cap == Integer.MAX_VALUE ? Math.max(4, 2 * c) : cap;
    }

    /** How many skips are verified at once. */
    public static int verification(int skips, int cpus) {
        return Math.max(1, Math.min(skips, Math.max(4, 2 * Math.max(1, cpus))));
    }
}
