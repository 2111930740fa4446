package io.jenkins.plugins.devspacebuild.jenkins;

import hudson.util.FormValidation;
import io.jenkins.plugins.devspacebuild.jenkins.StepOptions;
import java.util.List;
import java.util.regex.Pattern;

/** Form checks shared by the step and the build step; the rules themselves live in the engine's {@link StepOptions}. */
final class FormChecks {
    private FormChecks() {
    }

    static FormValidation maxParallel(int value) {
        return check(new StepOptions(null, false, false, value, false, false, List.of(), List.of()));
    }

    static FormValidation config(String value) {
        return check(new StepOptions(value, false, false, 0, false, false, List.of(), List.of()));
    }

    /**
     * Checks the tags as they will be after the build's variables are expanded: a reference such as
     * {@code ${BUILD_NUMBER}} or {@code $BUILD_NUMBER} stands for a valid tag part (build variables are letters,
     * digits and '_'), so the documented {@code ci-${BUILD_NUMBER}} passes.
     */
    static FormValidation tags(String value) {
        List<String> p = tagProblems(value);
        return p.isEmpty() ? FormValidation.ok() : FormValidation.error(String.join("; ", p));
    }

    static List<String> tagProblems(String value) {
        List<String> expanded = BuildSettings.split(value).stream().map(t -> VARIABLE.matcher(t).replaceAll("0")).toList();
        return new StepOptions(null, false, false, 0, false, false, List.of(), expanded).problems();
    }

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{[A-Za-z_][A-Za-z0-9_.]*}|\\$[A-Za-z_][A-Za-z0-9_]*");

    private static FormValidation check(StepOptions o) {
        List<String> p = o.problems();
        return p.isEmpty() ? FormValidation.ok() : FormValidation.error(String.join("; ", p));
    }
}
