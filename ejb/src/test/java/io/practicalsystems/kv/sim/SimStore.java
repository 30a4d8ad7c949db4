package io.practicalsystems.kv.sim;

import io.practicalsystems.kv.ring.NodeId;
import io.practicalsystems.kv.ring.TokenRange;
import io.practicalsystems.kv.storage.Blob;
import io.practicalsystems.kv.storage.InMemoryReplicaStore;
import io.practicalsystems.kv.storage.ReplicaStore;
import io.practicalsystems.kv.version.CausalContext;
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
import java.util.function.Supplier;

/**
 * A simulated node's durable store, reporting every coordinator update as a {@link WriteEffect} for the checker: by
 * default the real {@link InMemoryReplicaStore}, kept across the node's crashes (as a disk would be); or a store the
 * simulation closes at each crash and reopens at each restart (an {@code MvStoreReplicaStore} file).
 */
public final class SimStore implements ReplicaStore {

    private static final TokenRange WHOLE_RING = new TokenRange(0, 0);

    private final Supplier<ReplicaStore> opener;
    private final boolean reopens;
    private final Consumer<WriteEffect> effects;
    private final LongSupplier clock;
    private ReplicaStore store;

    /** An in-memory store that stays open across crashes. */
    public SimStore(Consumer<WriteEffect> effects, LongSupplier clock) {
        this(InMemoryReplicaStore::new, false, effects, clock);
    }

    /** @param opener opens the store; called again after every {@link #closeForCrash()} */
    public SimStore(Supplier<ReplicaStore> opener, Consumer<WriteEffect> effects, LongSupplier clock) {
        this(opener, true, effects, clock);
    }

    private SimStore(Supplier<ReplicaStore> opener, boolean reopens, Consumer<WriteEffect> effects,
            LongSupplier clock) {
        this.opener = opener;
        this.reopens = reopens;
        this.effects = effects;
        this.clock = clock;
        this.store = opener.get();
    }

    public SimStore() {
        this(effect -> { }, () -> 0);
    }

    /** The node's process died: a reopening store is closed now and opened again by {@link #openForBoot()}. */
    void closeForCrash() {
        if (reopens && store != null) {
            store.close();
            store = null;
        }
    }

    void openForBoot() {
        if (store == null) {
            store = opener.get();
        }
    }

    @Override
    public Optional<DottedVersionVectorSet<Blob>> get(String key) {
        return live().get(key);
    }

    @Override
    public Written update(String key, CausalContext clientContext, Versioned<Blob> value, NodeId coordinator) {
        Written written = live().update(key, clientContext, value, coordinator);
        effects.accept(new WriteEffect(key, written.dot(), clientContext, value, coordinator, clock.getAsLong()));
        return written;
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

    /** Every key held, in ring order. */
    public List<String> keys() {
        List<String> keys = new ArrayList<>();
        live().forEachInRange(WHOLE_RING, (key, copy) -> keys.add(key));
        return keys;
    }

    private ReplicaStore live() {
        if (store == null) {
            throw new IllegalStateException("store closed: its node is down");
        }
        return store;
    }

    @Override
    public void close() {
    }
}
