package io.practicalsystems.idgen;

import java.util.ArrayList;
import java.util.List;

/** An in-memory high-water mark that records every persist call and can be told to fail them. */
final class RecordingHighWaterMarkStore implements HighWaterMarkStore {

    private final InMemoryHighWaterMarkStore delegate;
    private final List<Long> persisted = new ArrayList<>();
    private volatile boolean failing;

    RecordingHighWaterMarkStore() {
        this(0L);
    }

    RecordingHighWaterMarkStore(long initialCeiling) {
        this.delegate = new InMemoryHighWaterMarkStore(initialCeiling);
    }

    @Override
    public long load() {
        return delegate.load();
    }

    @Override
    public synchronized void persist(long epochMillisCeiling) {
        if (failing) {
            throw new IllegalStateException("simulated high-water mark store outage");
        }
        persisted.add(epochMillisCeiling);
        delegate.persist(epochMillisCeiling);
    }

    synchronized List<Long> persisted() {
        return List.copyOf(persisted);
    }

    void setFailing(boolean failing) {
        this.failing = failing;
    }
}
