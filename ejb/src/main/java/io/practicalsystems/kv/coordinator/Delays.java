package io.practicalsystems.kv.coordinator;

import java.time.Duration;

/**
 * Work for later, for the one step that needs it (a speculative read) without reading a clock: the node's scheduler
 * in Liberty, virtual time in the deterministic simulation.
 */
@FunctionalInterface
public interface Delays {

    /** Never runs anything: for callers whose reads never speculate ({@link ReadFanout#ALL}). */
    Delays NONE = (delay, task) -> () -> { };

    /**
     * Runs {@code task} once, {@code delay} from now, on a thread of the implementation's choosing.
     *
     * @return calls the task off if it has not started; harmless afterwards
     */
    Runnable after(Duration delay, Runnable task);
}
