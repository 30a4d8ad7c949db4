package io.practicalsystems.kv.sim;

import io.practicalsystems.kv.ring.NodeId;
import io.practicalsystems.kv.ring.TokenRange;
import io.practicalsystems.kv.storage.Blob;
import io.practicalsystems.kv.storage.InMemoryReplicaStore;
import io.practicalsystems.kv.storage.ReplicaStore;
import io.practicalsystems.kv.version.CausalContext;
import io.practicalsystems.kv.version.Dot;
import io.practicalsystems.kv.version.DottedVersionVectorSet;
import io.practicalsystems.kv.version.Versioned;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * A simulated node's durable store: the real {@link InMemoryReplicaStore}, kept across the node's crashes (as a disk
 * would be), reporting every coordinator update as a {@link WriteEffect} for the checker.
 */
public final class SimStore implements ReplicaStore {

    private static final TokenRange WHOLE_RING = new TokenRange(0, 0);

    private final ReplicaStore store = new InMemoryReplicaStore();
    private final Consumer<WriteEffect> effects;
    private final LongSupplier clock;

    public SimStore(Consumer<WriteEffect> effects, LongSupplier clock) {
        this.effects = effects;
        this.clock = clock;
    }

    public SimStore() {
        this(effect -> { }, () -> 0);
    }

    @Override
    public Optional<DottedVersionVectorSet<Blob>> get(String key) {
        return store.get(key);
    }

    @Override
    public DottedVersionVectorSet<Blob> update(String key, CausalContext clientContext, Versioned<Blob> value,
            NodeId coordinator) {
        DottedVersionVectorSet<Blob> updated = store.update(key, clientContext, value, coordinator);
        effects.accept(new WriteEffect(key, new Dot(coordinator, updated.history().counter(coordinator)),
                clientContext, value, coordinator, clock.getAsLong()));
        return updated;
    }

    @Override
    public DottedVersionVectorSet<Blob> merge(String key, DottedVersionVectorSet<Blob> incoming) {
        return store.merge(key, incoming);
    }

    @Override
    public Map<String, byte[]> versionDigests(TokenRange range) {
        return store.versionDigests(range);
    }

    @Override
    public void forEachInRange(TokenRange range, BiConsumer<String, DottedVersionVectorSet<Blob>> action) {
        store.forEachInRange(range, action);
    }

    @Override
    public int collectGarbage(Instant now, Duration grace) {
        return store.collectGarbage(now, grace);
    }

    @Override
    public void remove(String key) {
        store.remove(key);
    }

    @Override
    public long keyCount() {
        return store.keyCount();
    }

    /** Every key held, in ring order. */
    public List<String> keys() {
        List<String> keys = new ArrayList<>();
        store.forEachInRange(WHOLE_RING, (key, copy) -> keys.add(key));
        return keys;
    }

    @Override
    public void close() {
    }
}
