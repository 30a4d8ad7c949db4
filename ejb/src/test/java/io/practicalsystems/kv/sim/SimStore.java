package io.practicalsystems.kv.sim;

import io.practicalsystems.kv.ring.NodeId;
import io.practicalsystems.kv.ring.RingHash;
import io.practicalsystems.kv.ring.TokenRange;
import io.practicalsystems.kv.storage.Blob;
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
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * A test-only map-backed {@link ReplicaStore} that outlives node crashes (like a durable store) and reports every
 * coordinator update as a {@link WriteEffect}. Keys iterate in sorted order, which keeps simulations deterministic.
 */
public final class SimStore implements ReplicaStore {

    private final TreeMap<String, DottedVersionVectorSet<Blob>> copies = new TreeMap<>();
    private final Consumer<WriteEffect> effects;
    private final java.util.function.LongSupplier clock;

    public SimStore(Consumer<WriteEffect> effects, java.util.function.LongSupplier clock) {
        this.effects = effects;
        this.clock = clock;
    }

    public SimStore() {
        this(effect -> { }, () -> 0);
    }

    @Override
    public Optional<DottedVersionVectorSet<Blob>> get(String key) {
        return Optional.ofNullable(copies.get(key));
    }

    @Override
    public DottedVersionVectorSet<Blob> update(String key, CausalContext clientContext, Versioned<Blob> value,
            NodeId coordinator) {
        DottedVersionVectorSet<Blob> updated = copies.getOrDefault(key, DottedVersionVectorSet.empty())
                .update(clientContext, value, coordinator);
        copies.put(key, updated);
        effects.accept(new WriteEffect(key, new Dot(coordinator, updated.history().counter(coordinator)),
                clientContext, value, coordinator, clock.getAsLong()));
        return updated;
    }

    @Override
    public DottedVersionVectorSet<Blob> merge(String key, DottedVersionVectorSet<Blob> incoming) {
        DottedVersionVectorSet<Blob> merged = copies.getOrDefault(key, DottedVersionVectorSet.empty()).sync(incoming);
        copies.put(key, merged);
        return merged;
    }

    @Override
    public Map<String, byte[]> versionDigests(TokenRange range) {
        Map<String, byte[]> digests = new TreeMap<>();
        forEachInRange(range, (key, copy) -> digests.put(key, copy.versionDigest()));
        return digests;
    }

    @Override
    public void forEachInRange(TokenRange range, BiConsumer<String, DottedVersionVectorSet<Blob>> action) {
        for (Map.Entry<String, DottedVersionVectorSet<Blob>> entry : new ArrayList<>(copies.entrySet())) {
            if (range.contains(RingHash.of(entry.getKey()))) {
                action.accept(entry.getKey(), entry.getValue());
            }
        }
    }

    @Override
    public int collectGarbage(Instant now, Duration grace) {
        List<String> collectable = new ArrayList<>();
        copies.forEach((key, copy) -> {
            if (copy.isCollectable(now, grace)) {
                collectable.add(key);
            }
        });
        collectable.forEach(copies::remove);
        return collectable.size();
    }

    @Override
    public void remove(String key) {
        copies.remove(key);
    }

    @Override
    public long keyCount() {
        return copies.size();
    }

    public List<String> keys() {
        return List.copyOf(copies.keySet());
    }

    @Override
    public void close() {
    }
}
