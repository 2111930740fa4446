package io.jenkins.plugins.devspacebuild.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Owns every thread of a run: the pool that works on the images (at most a given number at once), fail-fast, and
 * cancellation. It knows the images only through a {@link Work}: a function from an item (an image's plan) to a
 * result, so it is tested with fake work and no Docker.
 *
 * <p>Cancelling ({@link #cancel}) interrupts the running items and makes those not started end at once; {@link #run}
 * then returns every result (the cancelled ones included). When the thread waiting in {@link #run} is itself
 * interrupted, the items are cancelled and waited for, at most {@code cancelWait} in all, before it gets the
 * {@link InterruptedException}. Outside {@link #run}, cancelling interrupts the run's own thread (the one that
 * {@link #enter}ed), so planning stops too.
 */
public final class Scheduler {
    private final Duration cancelWait;
    private boolean cancelled;
    private Thread owner;
    private List<? extends Task<?, ?>> active;

    public Scheduler(Duration cancelWait) {
        this.cancelWait = cancelWait;
    }

    /** What is done for each item. Results, never exceptions: a failed item is a result. */
    public interface Work<P, R> {

        /** The result for an item; an interrupt means it was cancelled. */
        R run(P item) throws InterruptedException;

        /** The result for an item that did not run to its end: cancelled before it started, cancelled, or a crash. */
        R notRun(P item, String why);

        /** Whether a result is a failure (for fail-fast). */
        default boolean failed(R result) {
            return false;
        }

        /** Called once per item, on its thread, as soon as its result is known. */
        default void done(P item, R result) {
        }

        /** Called once, when fail-fast cancels the others because of this item. */
        default void failingFast(P item) {
        }
    }

    /** The calling thread runs this scheduler's run: cancelling outside {@link #run} interrupts it. */
    public synchronized void enter() {
        owner = Thread.currentThread();
    }

    public synchronized void leave() {
        owner = null;
    }

    public synchronized boolean cancelled() {
        return cancelled;
    }

    /** Throws when the run is cancelled (or the thread interrupted). */
    public void checkCancelled() throws InterruptedException {
        if (cancelled() || Thread.currentThread().isInterrupted()) {
            throw new InterruptedException("cancelled");
        }
    }

    /** Cancels the run: running items are interrupted, items not started end at once. */
    public synchronized void cancel() {
        cancelled = true;
        if (active != null) {
            // first mark every item, then interrupt: an interrupted item frees its thread, which must not start a
            // queued item that is not marked yet
            active.forEach(Task::stop);
            active.forEach(Task::interrupt);
        } else if (owner != null) {
            owner.interrupt();
        }
    }

    /**
     * Starts a task that only prepares something (contacting the daemon while contexts are hashed). It runs on a daemon
     * thread; nobody waits for it, and what it prepares must be safe to use while it still runs.
     */
    public void prepare(String name, Runnable task) {
        Thread t = new Thread(task, "devspace-build-" + name);
        t.setDaemon(true);
        t.start();
    }

    /**
     * Works on every item, at most {@code limit} at once, in order of the list; returns their results in the same order.
     *
     * @param failFast cancel the others once one result is {@link Work#failed}
     * @throws InterruptedException when the calling thread is interrupted (after the items stopped, or the wait ended)
     */
    public <P, R> List<R> run(List<P> items, int limit, boolean failFast, Work<P, R> work) throws InterruptedException {
        if (items.isEmpty()) {
            return List.of();
        }
        List<Task<P, R>> tasks = new ArrayList<>();
        for (P item : items) {
            tasks.add(new Task<>(item, work, failFast));
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(limit, items.size())), r -> {
            Thread t = new Thread(r, "devspace-build-image");
            t.setDaemon(true);
            return t;
        });
        synchronized (this) {
            active = tasks;
            if (cancelled) {
                tasks.forEach(Task::stop);
            }
        }
        try {
            tasks.forEach(pool::execute);
            pool.shutdown();
            List<R> results = new ArrayList<>();
            for (Task<P, R> t : tasks) {
                results.add(await(t));
            }
            return results;
        } catch (InterruptedException e) {
            cancel();
            awaitStopped(tasks);
            throw e;
        } finally {
            synchronized (this) {
                active = null;
            }
            pool.shutdownNow();
        }
    }

    private void awaitStopped(List<? extends Task<?, ?>> tasks) {
        long deadline = System.nanoTime() + cancelWait.toNanos();
        for (Task<?, ?> t : tasks) {
            try {
                t.done.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (ExecutionException | TimeoutException | InterruptedException ignored) {
                // reported by the task itself, or the wait is over
            }
        }
    }

    private static <R> R await(Task<?, R> t) throws InterruptedException {
        try {
            return t.done.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("an item completed exceptionally", e.getCause());
        }
    }

    /** One item on a pool thread; cancelling interrupts it while it runs, or ends it at once when it has not started. */
    private final class Task<P, R> implements Runnable {
        final P item;
        final Work<P, R> work;
        final boolean failFast;
        final CompletableFuture<R> done = new CompletableFuture<>();
        private Thread thread;
        private boolean stop;

        Task(P item, Work<P, R> work, boolean failFast) {
            this.item = item;
            this.work = work;
            this.failFast = failFast;
        }

        @Override
        public void run() {
            try {
                runItem();
            } catch (RuntimeException | Error e) {
                // the work's own reporting failed: the waiting caller must still learn of it, never hang
                done.completeExceptionally(e);
            }
        }

        private void runItem() {
            boolean stopped;
            synchronized (this) {
                stopped = stop;
                if (!stopped) {
                    thread = Thread.currentThread();
                }
            }
            if (stopped) {
                finish(work.notRun(item, "cancelled before it started"));
                return;
            }
            R r;
            try {
                r = work.run(item);
            } catch (InterruptedException e) {
                r = work.notRun(item, "cancelled");
            } catch (RuntimeException | Error e) {
                r = work.notRun(item, "internal error: " + e);
            } finally {
                synchronized (this) {
                    thread = null;
                }
                Thread.interrupted();
            }
            finish(r);
        }

        /** Reports the result, triggers fail-fast, and only then completes: {@link #run} never returns before. */
        private void finish(R r) {
            try {
                work.done(item, r);
                if (failFast && work.failed(r) && markCancelledFirst()) {
                    work.failingFast(item);
                    Scheduler.this.cancel();
                }
            } finally {
                done.complete(r);
            }
        }

        synchronized void stop() {
            stop = true;
        }

        synchronized void interrupt() {
            if (thread != null) {
                thread.interrupt();
            }
        }
    }

    /** Whether this call is the one that cancels the run (only the first failure triggers fail-fast). */
    private synchronized boolean markCancelledFirst() {
        if (cancelled) {
            return false;
        }
        cancelled = true;
        return true;
    }
}
