// Hand-written compile-only stub (workflow-step-api 704.ve4f0967e98fa_, StepContext). onSuccess(Object) and onFailure(Throwable) come
// from Guava's FutureCallback, as in the real class.
package org.jenkinsci.plugins.workflow.steps;

import com.google.common.util.concurrent.FutureCallback;
import java.io.IOException;
import java.io.Serializable;

public abstract class StepContext implements FutureCallback<Object>, Serializable {
    private static final long serialVersionUID = 1L;

    public abstract <T> T get(Class<T> key) throws IOException, InterruptedException;
}
