package io.practicalsystems.crawler.application.dispatch;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
