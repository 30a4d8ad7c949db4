package io.practicalsystems.idgen;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/** A monotonic nanosecond source that moves only when told; shared by a lease and its fake store. */
final class ManualNanoClock implements LongSupplier {

    // Deliberately not 0: real nanoTime values are arbitrary and may be negative.
    private final AtomicLong nanos = new AtomicLong(-5_000_000_000L);

    @Override
    public long getAsLong() {
        return nanos.get();
    }

    void advanceMillis(long millis) {
        nanos.addAndGet(millis * 1_000_000L);
    }
}
