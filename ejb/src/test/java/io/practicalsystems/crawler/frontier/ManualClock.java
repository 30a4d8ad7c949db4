package io.practicalsystems.crawler.frontier;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/** Milliseconds that only move when a test says so: a frontier's simulated clock. */
public final class ManualClock implements LongSupplier {

    private final AtomicLong now;

    public ManualClock(long startMillis) {
        this.now = new AtomicLong(startMillis);
    }

    @Override
    public long getAsLong() {
        return now.get();
    }

    public void advance(long millis) {
        now.addAndGet(millis);
    }

    public void set(long millis) {
        now.set(millis);
    }
}
