package io.practicalsystems.crawler.application.dispatch;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The fetch tasks this server dispatched and has not finished, for backpressure: the run claims only what
 * {@link #capacity()} allows, so the queue never holds more than the bound and no lease runs out while its task
 * waits. A task is forgotten when its fetch ends, or when its lease has expired (a message lost or never committed
 * must not hold capacity forever). Thread-safe.
 */
public final class InFlightTasks {

    private final int bound;
    private final LongSupplier clock;
    private final Map<String, Long> expiresAt = new ConcurrentHashMap<>();
    private final Object freed = new Object();

    /** @param bound tasks dispatched and not finished at most (e.g. twice the fetch MDB's concurrency) */
    public InFlightTasks(int bound, LongSupplier clock) {
        if (bound < 1) {
            throw new IllegalArgumentException("the in-flight bound must be at least 1");
        }
        this.bound = bound;
        this.clock = clock;
    }

    /** @param leaseMillis how long the task's claim is leased from now */
    public void dispatched(String crawlId, String token, long leaseMillis) {
        expiresAt.put(key(crawlId, token), clock.getAsLong() + leaseMillis);
    }

    public void finished(String crawlId, String token) {
        expiresAt.remove(key(crawlId, token));
        synchronized (freed) {
            freed.notifyAll();
        }
    }

    /**
     * Waits until a task finishes while nothing more may be dispatched, at most {@code maxMillis} (a lease running
     * out frees capacity without notice: the caller's poll interval bounds how late that is seen). A run that slept
     * a fixed poll interval instead left the fetch MDB idle for most of it once the queue had drained.
     *
     * @return the capacity now, 0 when the time ran out first
     */
    public int awaitCapacity(long maxMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(maxMillis);
        synchronized (freed) {
            int capacity;
            while ((capacity = capacity()) == 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return 0;
                }
                TimeUnit.NANOSECONDS.timedWait(freed, left);
            }
            return capacity;
        }
    }

    /** How many more tasks may be dispatched now, over all crawls. */
    public int capacity() {
        long now = clock.getAsLong();
        for (Iterator<Long> it = expiresAt.values().iterator(); it.hasNext(); ) {
            if (it.next() <= now) {
                it.remove();
            }
        }
        return Math.max(0, bound - expiresAt.size());
    }

    private static String key(String crawlId, String token) {
        return crawlId + '\n' + token;
    }
}
