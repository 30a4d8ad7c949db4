package io.practicalsystems.kv.sim;

import io.practicalsystems.kv.ring.NodeId;
import io.practicalsystems.kv.ring.TokenRange;
import io.practicalsystems.kv.storage.Blob;
import io.practicalsystems.kv.storage.ReplicaStore;
import io.practicalsystems.kv.version.CausalContext;
import io.practicalsystems.kv.version.DottedVersionVectorSet;
import io.practicalsystems.kv.version.Versioned;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;

/**
 * One incarnation's handle on the durable {@link SimStore}: after a crash, anything the dead process still tries to
 * do fails loudly instead of silently writing to the store its successor uses.
 */
final class FencedStore implements ReplicaStore {

    private final ReplicaStore store;
    private final BooleanSupplier alive;
    private final String name;

    FencedStore(ReplicaStore store, BooleanSupplier alive, String name) {
        this.store = store;
        this.alive = alive;
        this.name = name;
    }

    private ReplicaStore live() {
        if (!alive.getAsBoolean()) {
            throw new IllegalStateException("crashed incarnation " + name + " touched the store");
        }
        return store;
    }

    @Override
    public Optional<DottedVersionVectorSet<Blob>> get(String key) {
        return live().get(key);
    }

    @Override
    public Written update(String key, CausalContext context, Versioned<Blob> value, NodeId coordinator) {
        return live().update(key, context, value, coordinator);
    }

    @Override
    public DottedVersionVectorSet<Blob> merge(String key, DottedVersionVectorSet<Blob> incoming) {
        return live().merge(key, incoming);
    }

    @Override
    public Map<String, byte[]> versionDigests(TokenRange range) {
        return live().versionDigests(range);
    }

    @Override
    public void forEachInRange(TokenRange range, BiConsumer<String, DottedVersionVectorSet<Blob>> action) {
        live().forEachInRange(range, action);
    }

    @Override
    public int collectGarbage(Instant now, Duration grace) {
        return live().collectGarbage(now, grace);
    }

    @Override
    public void remove(String key) {
        live().remove(key);
    }

    @Override
    public long keyCount() {
        return live().keyCount();
    }

    @Override
    public void close() {
    }
}
