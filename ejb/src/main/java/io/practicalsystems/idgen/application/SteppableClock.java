package io.practicalsystems.idgen.application;

import io.practicalsystems.idgen.MillisClock;

/**
 * The system clock plus an offset an administrator can set — the fault-injection point for the clock-step
 * experiment (docs/idgen.md). The offset is 0 unless fault injection is enabled and used.
 */
public final class SteppableClock implements MillisClock {

    private volatile long offsetMillis;

    @Override
    public long millis() {
        return System.currentTimeMillis() + offsetMillis;
    }

    public long offsetMillis() {
        return offsetMillis;
    }

    public void setOffsetMillis(long offsetMillis) {
        this.offsetMillis = offsetMillis;
    }
}
