package io.jenkins.plugins.devspacebuild.jenkins;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.security.ACL;
import hudson.security.ACLContext;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.springframework.security.core.Authentication;

/**
 * The execution of {@code devspaceBuild}. Not a {@code SynchronousNonBlockingStepExecution}: its {@code stop} ends the
 * step at once while the agent is still stopping the builds (workflow-step-api 704.ve4f0967e98fa_,
 * SynchronousNonBlockingStepExecution.java:67-73 cancels the task, then StepExecution.stop fails the context), so the
 * cache archive would race the end of the build and lose the images that finish during cancellation. Here:
 * <ul>
 * <li>{@link #start()} runs the call on a pool thread of the controller, as the caller's authentication, and returns
 *     false; that thread completes the context.</li>
 * <li>{@link #stop} asks the agent to cancel this call's engine (a second channel call), waits up to
 *     {@value #STOP_WAIT_SECONDS} s for it (logged), and interrupts the call only if it has not ended by then. The
 *     call's thread then archives the cache with every image that finished and ends the step with the stop's cause
 *     (so the build is aborted).</li>
 * <li>After a controller restart the agent's work is gone: {@link #onResume} fails the step and says to re-run;
 *     {@link #blocksRestart} lets a safe restart wait for a running call.</li>
 * </ul>
 */
final class DevSpaceBuildExecution extends StepExecution {
    private static final long serialVersionUID = 1L;
    static final long STOP_WAIT_SECONDS = 60;
    private static final ExecutorService POOL = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "devspaceBuild");
        t.setDaemon(true);
        return t;
    });

    private final transient BuildSettings settings;
    private transient volatile DevSpaceBuildRunner runner;
    private transient volatile Future<?> task;
    private transient volatile Throwable stopCause;

    DevSpaceBuildExecution(BuildSettings settings, StepContext context) {
        super(context);
        this.settings = settings;
    }

    @Override
    public boolean start() throws Exception {
        StepContext c = getContext();
        DevSpaceBuildRunner r = new DevSpaceBuildRunner(settings, c.get(Run.class), c.get(FilePath.class), c.get(EnvVars.class),
                c.get(Launcher.class), c.get(TaskListener.class));
        runner = r;
        Authentication auth = Jenkins.getAuthentication2();
        task = POOL.submit(() -> {
            TreeMap<String, String> published = null;
            Throwable failure = null;
            try (ACLContext ignored = ACL.as2(auth)) {
                published = r.run();
            } catch (Throwable t) {
                failure = t;
            }
            Throwable stopped = stopCause;
            if (stopped != null) {
                if (failure != null && failure != stopped) {
                    stopped.addSuppressed(failure);
                }
                c.onFailure(stopped);
            } else if (failure != null) {
                c.onFailure(failure);
            } else {
                c.onSuccess(published);
            }
        });
        return false;
    }

    @Override
    public void stop(@NonNull Throwable cause) throws Exception {
        DevSpaceBuildRunner r = runner;
        Future<?> t = task;
        if (r == null || t == null || t.isDone()) {
            getContext().onFailure(cause);
            return;
        }
        stopCause = cause;
        POOL.submit(() -> stopAndWait(r, t));
    }

    private void stopAndWait(DevSpaceBuildRunner r, Future<?> t) {
        TaskListener listener = null;
        try {
            listener = getContext().get(TaskListener.class);
            listener.getLogger().println(DevSpaceBuildRunner.LOG_PREFIX + "stopping the builds on the agent; waiting up to " + STOP_WAIT_SECONDS
                    + " s for them to stop, then archiving the cache of the images that finished");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(STOP_WAIT_SECONDS);
            Future<Boolean> asked = POOL.submit(r::stopOnAgent);
            asked.get(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
            t.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            if (listener != null) {
                listener.getLogger().println(DevSpaceBuildRunner.LOG_PREFIX + "the builds did not stop within " + STOP_WAIT_SECONDS
                        + " s; interrupting, the cache keeps what the agent had recorded");
            }
            t.cancel(true);
        } catch (Exception e) {
            // the agent is gone or the call ended with an error: interrupting is all that is left
            t.cancel(true);
        }
    }

    @Override
    public void onResume() {
        getContext().onFailure(new AbortException("devspaceBuild: Jenkins restarted while the images were being built, and the build on the "
                + "agent did not survive it. Re-run the build; images whose cache entry was archived before are skipped. (A safe restart "
                + "waits for devspaceBuild to finish.)"));
    }

    @Override
    public boolean blocksRestart() {
        Future<?> t = task;
        return t != null && !t.isDone();
    }

    @Override
    public String getStatus() {
        Future<?> t = task;
        return t == null ? "not started" : t.isDone() ? "done" : stopCause != null ? "stopping the builds on the agent" : "building images";
    }
}
