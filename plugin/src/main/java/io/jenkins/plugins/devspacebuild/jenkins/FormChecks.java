package io.jenkins.plugins.devspacebuild.jenkins;

import hudson.util.FormValidation;
import io.jenkins.plugins.devspacebuild.jenkins.StepOptions;
import java.util.List;

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

    static FormValidation tags(String value) {
        return check(new StepOptions(null, false, false, 0, false, false, List.of(), BuildSettings.split(value)));
    }

    private static FormValidation check(StepOptions o) {
        List<String> p = o.problems();
        return p.isEmpty() ? FormValidation.ok() : FormValidation.error(String.join("; ", p));
    }
}
