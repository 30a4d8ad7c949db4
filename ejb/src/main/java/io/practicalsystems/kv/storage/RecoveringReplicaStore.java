package io.practicalsystems.kv.storage;

import io.practicalsystems.kv.ring.NodeId;
import io.practicalsystems.kv.ring.TokenRange;
import io.practicalsystems.kv.version.CausalContext;
import io.practicalsystems.kv.version.DottedVersionVectorSet;
import io.practicalsystems.kv.version.Versioned;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A {@link ReplicaStore} that survives its store failing: when the store it delegates to closes itself
 * ({@link ReplicaStore#hasFailed()} — MVStore does after an I/O error or the heap running out inside it), every call
 * throws {@link StoreFailedException} and {@link #failure()} says why, until {@link #reopen()} opens the store again
 * (which replays its write-ahead log, so no acknowledged write is lost). Whoever owns it calls {@link #reopen()}
 * periodically while {@link #failure()} is present, and reports not ready meanwhile.
 *
 * <p>Thread-safe. Calls in flight on the failed store fail; calls after the reopening go to the new one.
 */
public final class RecoveringReplicaStore implements ReplicaStore {

    private static final Logger LOG = Logger.getLogger(RecoveringReplicaStore.class.getName());

    private final Supplier<? extends ReplicaStore> opener;
    private volatile ReplicaStore current;
    private volatile String failure;
    private volatile boolean closed;

    /**
     * Opens the store once now.
     *
     * @param opener opens the store (again); its exceptions on this first call propagate
     */
    public RecoveringReplicaStore(Supplier<? extends ReplicaStore> opener) {
        this.opener = Objects.requireNonNull(opener, "opener");
        this.current = Objects.requireNonNull(opener.get(), "opened store");
    }

    /** Why the store is unavailable, while it is; checks the store first (it may fail between calls). */
    public Optional<String> failure() {
        ReplicaStore store = current;
        if (store != null && store.hasFailed()) {
            failed(store, null);
        }
        return Optional.ofNullable(failure);
    }

    /**
     * Opens the store again if it failed.
     *
     * @return whether a store is open now
     */
    public synchronized boolean reopen() {
        if (closed) {
            return false;
        }
        if (current != null) {
            return true;
        }
        try {
            current = Objects.requireNonNull(opener.get(), "opened store");
            LOG.info("replica store reopened after: " + failure);
            failure = null;
            return true;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "reopening the replica store failed (will retry)", e);
            return false;
        }
    }

    @Override
    public boolean hasFailed() {
        return failure().isPresent();
    }

    @Override
    public Optional<DottedVersionVectorSet<Blob>> get(String key) {
        return call(store -> store.get(key));
    }

    @Override
    public Written update(String key, CausalContext clientContext, Versioned<Blob> value, NodeId coordinator) {
        return call(store -> store.update(key, clientContext, value, coordinator));
    }

    @Override
    public DottedVersionVectorSet<Blob> merge(String key, DottedVersionVectorSet<Blob> incoming) {
        return call(store -> store.merge(key, incoming));
    }

    @Override
    public Map<String, byte[]> versionDigests(TokenRange range) {
        return call(store -> store.versionDigests(range));
    }

    @Override
    public void forEachInRange(TokenRange range, BiConsumer<String, DottedVersionVectorSet<Blob>> action) {
        call(store -> {
            store.forEachInRange(range, action);
            return null;
        });
    }

    @Override
    public int collectGarbage(Instant now, Duration grace) {
        return call(store -> store.collectGarbage(now, grace));
    }

    @Override
    public void remove(String key) {
        call(store -> {
            store.remove(key);
            return null;
        });
    }

    @Override
    public long keyCount() {
        return call(ReplicaStore::keyCount);
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (current != null) {
            current.close();
        }
    }

    private <T> T call(Function<ReplicaStore, T> operation) {
        ReplicaStore store = current;
        if (store == null) {
            throw new StoreFailedException(closed ? "replica store is closed" : failure, null);
        }
        try {
            return operation.apply(store);
        } catch (RuntimeException | Error e) {
            if (store.hasFailed()) {
                throw new StoreFailedException(failed(store, e), e);
            }
            throw e;
        }
    }

    /** Takes {@code store} out of service (if it still is) and closes it, keeping its log; returns the reason. */
    private synchronized String failed(ReplicaStore store, Throwable cause) {
        if (current == store) {
            failure = "the replica store failed and is being reopened (details in the server log)";
            current = null; // after the reason: a call that finds no store finds the reason
            LOG.log(Level.SEVERE, "replica store " + store + " failed; reopening it", cause);
            try {
                store.close();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "closing the failed replica store", e);
            }
        }
        return failure;
    }
}
