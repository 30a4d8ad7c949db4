package io.practicalsystems.idgen;

import java.util.concurrent.atomic.AtomicLong;

/** A wall clock that only moves when a test says so. */
final class ManualClock implements MillisClock {

    private final AtomicLong now;

    ManualClock(long startMillis) {
        this.now = new AtomicLong(startMillis);
    }

    @Override
    public long millis() {
        return now.get();
    }

    void set(long millis) {
        now.set(millis);
    }

    void advance(long millis) {
        now.addAndGet(millis);
    }
}
