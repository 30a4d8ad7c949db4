package io.practicalsystems.kv.node;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Runs an asynchronous round every {@code interval}, counting from the end of the previous round, so rounds never
 * overlap and a slow round delays the next instead of piling up. A round that fails (or throws) is counted as a
 * maintenance error and the schedule goes on.
 */
final class PeriodicTask {

    private final Scheduler scheduler;
    private final Duration interval;
    private final Supplier<? extends CompletableFuture<?>> round;
    private final NodeCounters counters;
    private Scheduler.Cancellable next;
    private boolean cancelled;

    private PeriodicTask(Scheduler scheduler, Duration interval, Supplier<? extends CompletableFuture<?>> round,
            NodeCounters counters) {
        this.scheduler = scheduler;
        this.interval = interval;
        this.round = round;
        this.counters = counters;
    }

    static PeriodicTask start(Scheduler scheduler, Duration interval, Supplier<? extends CompletableFuture<?>> round,
            NodeCounters counters) {
        PeriodicTask task = new PeriodicTask(scheduler, interval, round, counters);
        task.scheduleNext();
        return task;
    }

    synchronized void cancel() {
        cancelled = true;
        if (next != null) {
            next.cancel();
        }
    }

    private synchronized void scheduleNext() {
        if (!cancelled) {
            next = scheduler.schedule(interval, this::runOnce);
        }
    }

    private void runOnce() {
        synchronized (this) {
            if (cancelled) {
                return;
            }
        }
        CompletableFuture<?> done;
        try {
            done = round.get();
        } catch (RuntimeException e) {
            done = CompletableFuture.failedFuture(e);
        }
        done.whenComplete((ok, error) -> {
            if (error != null) {
                counters.increment(NodeCounters.MAINTENANCE_ERRORS);
            }
            scheduleNext();
        });
    }
}
