package io.practicalsystems.idgen;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link HighWaterMarkStore} that lives only as long as the JVM: for tests, benchmarks and single-process demos where
 * "restart" means building a new generator over the same store instance.
 */
public final class InMemoryHighWaterMarkStore implements HighWaterMarkStore {

    private final AtomicLong ceiling;

    public InMemoryHighWaterMarkStore() {
        this(0L);
    }

    public InMemoryHighWaterMarkStore(long initialCeiling) {
        this.ceiling = new AtomicLong(initialCeiling);
    }

    @Override
    public long load() {
        return ceiling.get();
    }

    @Override
    public void persist(long epochMillisCeiling) {
        ceiling.set(epochMillisCeiling);
    }
}
