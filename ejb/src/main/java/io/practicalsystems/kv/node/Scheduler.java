package io.practicalsystems.kv.node;

import java.time.Duration;
import java.time.Instant;

/**
 * Time and delayed work for a {@link KvNode}: the only way node logic reads the clock or runs something later.
 *
 * <p>Virtual in the deterministic simulation (a seeded event queue), a {@code ScheduledExecutorService} and the
 * system clock in Liberty ({@link ExecutorScheduler}). Node code never sleeps and never starts threads.
 */
public interface Scheduler {

    /** The current time: stamps writes ({@code writtenAt}) and ages tombstones. */
    Instant now();

    /**
     * Runs {@code task} once, {@code delay} from now, on whatever thread the scheduler uses. A task that throws must
     * not stop later tasks.
     */
    Cancellable schedule(Duration delay, Runnable task);

    /** A scheduled task that can be called off before it runs. */
    @FunctionalInterface
    interface Cancellable {

        /** Prevents the task from running if it has not started; harmless if it already ran. */
        void cancel();
    }
}
