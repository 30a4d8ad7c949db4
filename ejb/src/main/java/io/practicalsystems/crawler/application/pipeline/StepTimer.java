package io.practicalsystems.crawler.application.pipeline;

import java.util.Locale;

/**
 * Where a fetch task's time goes: the pipeline reports the wall time of each named step, so a benchmark (or a person
 * reading /metrics) can tell fetching from parsing from Redis and document-store round trips. Implementations must be
 * cheap and thread-safe: every task on every MDB thread reports several times.
 */
@FunctionalInterface
public interface StepTimer {

    /**
     * The steps timed. QUEUE is a task's wait on the JMS queue, from its sending to its MDB; TASK is a whole task in
     * the MDB (the rest is what the named steps leave out: JSON, the crawl's definition, …).
     */
    enum Step {
        QUEUE, TASK, ROBOTS, FETCH, PARSE, DEDUP, STORE, FRONTIER;

        /** The name in metric tags: lower case. */
        public String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    StepTimer NONE = (step, nanos) -> { };

    void record(Step step, long nanos);

    /** Records the time since {@code startNanos} (a {@link System#nanoTime()}) and returns the time now. */
    default long since(Step step, long startNanos) {
        long now = System.nanoTime();
        record(step, now - startNanos);
        return now;
    }
}
