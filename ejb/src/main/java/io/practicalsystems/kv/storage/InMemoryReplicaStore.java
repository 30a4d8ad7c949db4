package io.practicalsystems.kv.storage;

import io.practicalsystems.kv.ring.NodeId;
import io.practicalsystems.kv.ring.TokenRange;
import io.practicalsystems.kv.version.CausalContext;
import io.practicalsystems.kv.version.DottedVersionVectorSet;
import io.practicalsystems.kv.version.Versioned;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;

/**
 * A {@link ReplicaStore} in memory, for unit tests and the deterministic simulation: nothing survives the process, so
 * "durable before returning" holds trivially.
 *
 * <p>Keys sit in a skip list ordered by {@link RingKey}, so range visits are ordered scans and every iteration order
 * is a function of the contents alone (same operations, same order: what a seeded simulation needs). Each write is
 * one atomic {@code compute} on its key; concurrent writes of other keys do not wait for it.
 */
public final class InMemoryReplicaStore implements ReplicaStore {

    private final ConcurrentSkipListMap<RingKey, DottedVersionVectorSet<Blob>> copies = new ConcurrentSkipListMap<>();
    private final ActorEpoch epoch = new ActorEpoch(0, false, next -> { });
    private final ObjectLimits limits;
    private volatile boolean closed;

    /** A store without {@link ObjectLimits}: tests and simulations pile up siblings on purpose. */
    public InMemoryReplicaStore() {
        this(ObjectLimits.NONE);
    }

    public InMemoryReplicaStore(ObjectLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    @Override
    public Optional<DottedVersionVectorSet<Blob>> get(String key) {
        checkOpen();
        return Optional.ofNullable(copies.get(RingKey.of(key)));
    }

    @Override
    public Written update(String key, CausalContext clientContext, Versioned<Blob> value, NodeId coordinator) {
        ActorEpoch.CoordinatedWrite change = epoch.coordinatedWrite(clientContext, value, coordinator);
        return change.written(write(key, change, limits::checkWrite));
    }

    @Override
    public DottedVersionVectorSet<Blob> merge(String key, DottedVersionVectorSet<Blob> incoming) {
        Objects.requireNonNull(incoming, "incoming");
        return write(key, current -> current.sync(incoming), limits::checkMerge);
    }

    /** {@code change} may run more than once under contention (the skip list retries), so it must be pure. */
    private DottedVersionVectorSet<Blob> write(String key, UnaryOperator<DottedVersionVectorSet<Blob>> change,
            ObjectLimits.Check limit) {
        checkOpen();
        DottedVersionVectorSet<Blob> stored = copies.compute(RingKey.of(key), (k, current) -> {
            DottedVersionVectorSet<Blob> before = current == null ? DottedVersionVectorSet.empty() : current;
            DottedVersionVectorSet<Blob> next = change.apply(before);
            if (!next.equals(before)) {
                limit.check(key, before, next); // throws: the mapping stays as it was
            }
            return current == null && next.isEmpty() ? null : next; // an empty merge into nothing stores nothing
        });
        return stored == null ? DottedVersionVectorSet.empty() : stored;
    }

    @Override
    public Map<String, byte[]> versionDigests(TokenRange range) {
        Map<String, byte[]> digests = new LinkedHashMap<>();
        forEachInRange(range, (key, copy) -> digests.put(key, copy.versionDigest()));
        return digests;
    }

    @Override
    public void forEachInRange(TokenRange range, BiConsumer<String, DottedVersionVectorSet<Blob>> action) {
        Objects.requireNonNull(range, "range");
        Objects.requireNonNull(action, "action");
        checkOpen();
        RingScan.forEachKey(range, from -> copies.tailMap(from, true).keySet().iterator(), key -> {
            DottedVersionVectorSet<Blob> copy = copies.get(key);
            if (copy != null) {
                action.accept(key.key(), copy);
            }
        });
    }

    @Override
    public int collectGarbage(Instant now, Duration grace) {
        Objects.requireNonNull(now, "now");
        if (Objects.requireNonNull(grace, "grace").isNegative()) {
            throw new IllegalArgumentException("grace must not be negative, got " + grace);
        }
        checkOpen();
        int removed = 0;
        for (Map.Entry<RingKey, DottedVersionVectorSet<Blob>> entry : copies.entrySet()) {
            if (entry.getValue().isCollectable(now, grace) && forget(entry.getKey(), entry.getValue())) {
                removed++;
            }
        }
        return removed;
    }

    @Override
    public void remove(String key) {
        checkOpen();
        RingKey ringKey = RingKey.of(key);
        DottedVersionVectorSet<Blob> copy;
        while ((copy = copies.get(ringKey)) != null && !forget(ringKey, copy)) {
            // changed between get and remove: forget the newer copy
        }
    }

    /** Removes the key if it still holds {@code copy}, raising the actor epoch first if it was used. */
    private boolean forget(RingKey key, DottedVersionVectorSet<Blob> copy) {
        epoch.beforeForgetting();
        return copies.remove(key, copy);
    }

    /** Counts by walking the skip list: fine for tests and simulations, not for a hot path. */
    @Override
    public long keyCount() {
        checkOpen();
        return copies.size();
    }

    @Override
    public void close() {
        closed = true;
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("replica store is closed");
        }
    }
}
