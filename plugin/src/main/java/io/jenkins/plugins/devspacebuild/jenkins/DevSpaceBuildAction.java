package io.jenkins.plugins.devspacebuild.jenkins;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.EnvVars;
import hudson.model.EnvironmentContributingAction;
import hudson.model.InvisibleAction;
import hudson.model.Run;
import io.jenkins.plugins.devspacebuild.result.ImageResult;
import io.jenkins.plugins.devspacebuild.result.PublishedVariables;
import io.jenkins.plugins.devspacebuild.result.RunResult;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * What devspaceBuild left on the run: the published {@code DEVSPACE_IMAGE_*} variables, which every later step of the
 * build sees ({@code sh 'helm upgrade --set image=$DEVSPACE_IMAGE_API'}), and the table shown on the build page
 * ({@code summary.jelly}). A second call in the same run adds or replaces its images' variables and rows.
 */
public final class DevSpaceBuildAction extends InvisibleAction implements EnvironmentContributingAction {
    private final TreeMap<String, String> variables;
    private final ArrayList<ImageRow> rows;

    private DevSpaceBuildAction(Map<String, String> variables, List<ImageRow> rows) {
        this.variables = new TreeMap<>(variables);
        this.rows = new ArrayList<>(rows);
    }

    /** Serialises read-merge-replace of the action: two calls in {@code parallel} branches of one run must both land. */
    private static final Object LOCK = new Object();

    /**
     * Merges a call's results into the run's action and saves the run (build.xml), under one lock, so that concurrent
     * calls in one build keep each other's variables and rows.
     *
     * @param mask masks every string taken from the results
     */
    static DevSpaceBuildAction publish(Run<?, ?> run, RunResult result, UnaryOperator<String> mask) throws IOException {
        synchronized (LOCK) {
            DevSpaceBuildAction merged = merge(run.getAction(DevSpaceBuildAction.class), result, mask);
            run.addOrReplaceAction(merged);
            run.save();
            return merged;
        }
    }

    /** This action with a run's results merged in: its images' variables and rows replace earlier ones. */
    static DevSpaceBuildAction merge(DevSpaceBuildAction previous, RunResult result, UnaryOperator<String> mask) {
        Map<String, String> vars = new TreeMap<>(previous == null ? Map.of() : previous.variables);
        Map<String, ImageRow> byImage = new LinkedHashMap<>();
        if (previous != null) {
            previous.rows.forEach(r -> byImage.put(r.getImage(), r));
        }
        for (ImageResult r : result.images()) {
            String prefix = PublishedVariables.variableName(r.name());
            vars.keySet().removeIf(k -> k.equals(prefix) || k.startsWith(prefix + "_") && isOwnSuffix(k.substring(prefix.length())));
            byImage.put(r.name(), new ImageRow(r, mask));
        }
        PublishedVariables.of(result.images()).forEach((k, v) -> vars.put(k, mask.apply(v)));
        return new DevSpaceBuildAction(vars, new ArrayList<>(byImage.values()));
    }

    private static boolean isOwnSuffix(String s) {
        return s.equals("_REPOSITORY") || s.equals("_TAG") || s.equals("_DIGEST");
    }

    public Map<String, String> getVariables() {
        return Collections.unmodifiableMap(variables);
    }

    public List<ImageRow> getRows() {
        return Collections.unmodifiableList(rows);
    }

    @Override
    public void buildEnvironment(@NonNull Run<?, ?> run, @NonNull EnvVars env) {
        env.putAll(variables);
    }
}
