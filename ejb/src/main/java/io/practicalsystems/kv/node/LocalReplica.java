package io.practicalsystems.kv.node;

import io.practicalsystems.kv.ring.NodeId;
import io.practicalsystems.kv.ring.TokenRange;
import io.practicalsystems.kv.storage.Blob;
import io.practicalsystems.kv.storage.ReplicaStore;
import io.practicalsystems.kv.version.CausalContext;
import io.practicalsystems.kv.version.DottedVersionVectorSet;
import io.practicalsystems.kv.version.Versioned;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * This node's store, with one compound operation the store itself lacks: remove a key only if it has not changed
 * since it was handed to its replicas. Writes take a per-key lock stripe so that check and removal cannot interleave
 * with a merge that arrives in between (which would otherwise be dropped with the key).
 */
final class LocalReplica {

    private static final TokenRange WHOLE_RING = new TokenRange(0, 0);
    private static final int STRIPES = 64;

    private final ReplicaStore store;
    private final Object[] stripes = new Object[STRIPES];

    LocalReplica(ReplicaStore store) {
        this.store = store;
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new Object();
        }
    }

    Optional<DottedVersionVectorSet<Blob>> get(String key) {
        return store.get(key);
    }

    ReplicaStore.Written update(String key, CausalContext context, Versioned<Blob> value, NodeId coordinator) {
        synchronized (stripe(key)) {
            return store.update(key, context, value, coordinator);
        }
    }

    DottedVersionVectorSet<Blob> merge(String key, DottedVersionVectorSet<Blob> copy) {
        synchronized (stripe(key)) {
            return store.merge(key, copy);
        }
    }

    /** Removes {@code key} if its stored copy still has {@code versionDigest}; false if it changed (or is gone). */
    boolean removeIfUnchanged(String key, byte[] versionDigest) {
        synchronized (stripe(key)) {
            Optional<DottedVersionVectorSet<Blob>> current = store.get(key);
            if (current.isEmpty() || !Arrays.equals(current.get().versionDigest(), versionDigest)) {
                return false;
            }
            store.remove(key);
            return true;
        }
    }

    Map<String, byte[]> versionDigests(TokenRange range) {
        return store.versionDigests(range);
    }

    List<KeyedCopy> copiesInRange(TokenRange range) {
        List<KeyedCopy> copies = new ArrayList<>();
        store.forEachInRange(range, (key, copy) -> copies.add(new KeyedCopy(key, copy)));
        return copies;
    }

    List<KeyedCopy> copiesOf(List<String> keys) {
        List<KeyedCopy> copies = new ArrayList<>(keys.size());
        for (String key : keys) {
            store.get(key).ifPresent(copy -> copies.add(new KeyedCopy(key, copy)));
        }
        return copies;
    }

    /** Visits every stored key once (the hand-off sweep), in no promised order. */
    void forEachKey(java.util.function.BiConsumer<String, DottedVersionVectorSet<Blob>> action) {
        store.forEachInRange(WHOLE_RING, action);
    }

    int collectGarbage(java.time.Instant now, java.time.Duration grace) {
        return store.collectGarbage(now, grace);
    }

    long keyCount() {
        return store.keyCount();
    }

    private Object stripe(String key) {
        return stripes[Math.floorMod(key.hashCode(), STRIPES)];
    }
}
