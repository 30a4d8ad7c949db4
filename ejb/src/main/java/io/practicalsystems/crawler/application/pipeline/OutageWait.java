package io.practicalsystems.crawler.application.pipeline;

import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Waits out a Redis or document-store outage inside one task: repeats an idempotent action that threw, with backoff
 * (50 ms doubling to 1 s), until it succeeds or the task's claim has run out of lease; then the last failure goes to
 * the caller (the MDB: the message is redelivered, and after its lease the URL is claimed again by any server).
 * Why: a page fetched just before Redis went away would otherwise be fetched again — its completion lost, its
 * message redelivered — although every step after the fetch can simply be repeated once Redis answers.
 */
final class OutageWait {

    /** Sleeps; tests pass one that advances their clock instead. */
    interface Sleeper {
        void sleep(long millis) throws InterruptedException;
    }

    static final long FIRST_PAUSE_MS = 50;
    static final long LONGEST_PAUSE_MS = 1_000;

    private static final Logger LOG = Logger.getLogger(OutageWait.class.getName());

    private final LongSupplier clock;
    private final Sleeper sleeper;

    OutageWait(LongSupplier clock, Sleeper sleeper) {
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /**
     * @param what          said in the log when the first failure is waited out
     * @param untilMillis   no new try starts at or after this time (the claim's lease end, on {@code clock})
     */
    <T> T call(String what, long untilMillis, Supplier<T> action) {
        long pause = FIRST_PAUSE_MS;
        RuntimeException first = null;
        while (true) {
            try {
                T result = action.get();
                if (first != null) {
                    LOG.info(what + ": answered again after " + first.getClass().getSimpleName());
                }
                return result;
            } catch (RuntimeException e) {
                if (first == null) {
                    first = e;
                    LOG.warning(what + ": " + e.getClass().getSimpleName() + ": " + e.getMessage()
                            + " — trying again until the lease ends");
                }
                long left = untilMillis - clock.getAsLong();
                if (left <= 0) {
                    throw e;
                }
                try {
                    sleeper.sleep(Math.min(pause, left));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    e.addSuppressed(interrupted);
                    throw e;
                }
                pause = Math.min(LONGEST_PAUSE_MS, pause * 2);
            }
        }
    }
}
