package io.practicalsystems.kv.storage;

import java.nio.file.Path;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;

/**
 * How {@link MvStoreReplicaStore} touches its MVStore: per-key lock stripes, the version pinning every read needs,
 * commits with the interrupt flag clear, and MVStore's failures (closed, I/O) reported as the replica store's.
 */
final class MvStoreAccess {

    private static final int LOCK_STRIPES = 64;

    private final Path file;
    private final MVStore store;
    private final boolean fsync;
    private final ReentrantLock[] stripes = new ReentrantLock[LOCK_STRIPES];
    private volatile boolean closed;

    MvStoreAccess(Path file, MVStore store, boolean fsync) {
        this.file = file;
        this.store = store;
        this.fsync = fsync;
        for (int i = 0; i < LOCK_STRIPES; i++) {
            stripes[i] = new ReentrantLock();
        }
    }

    /** Runs {@code action} holding the key's lock stripe, on an open store. */
    <T> T locked(String key, Supplier<T> action) {
        ReentrantLock stripe = stripes[Math.floorMod(key.hashCode(), LOCK_STRIPES)];
        stripe.lock();
        try {
            return guarded(action);
        } finally {
            stripe.unlock();
        }
    }

    /** Runs {@code action} on an open store, reporting MVStore's failures (closed, I/O) as this store's. */
    <T> T guarded(Supplier<T> action) {
        checkOpen();
        try {
            return pinned(action);
        } catch (MVStoreException e) {
            checkOpen();
            throw new IllegalStateException("replica store " + file + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * Runs {@code action} with the store's current version registered as in use. Freed file space is reused at once
     * (retention time 0), and a reader walks the tree of the version it started on: unless that version is
     * registered, a concurrent commit may overwrite the chunks it is about to read ("Chunk N not found"). Scans hold
     * one registration for the whole walk.
     */
    <T> T pinned(Supplier<T> action) {
        MVStore.TxCounter usage = store.registerVersionUsage();
        try {
            return action.get();
        } finally {
            store.deregisterVersionUsage(usage);
        }
    }

    void checkOpen() {
        if (closed) {
            throw new IllegalStateException("replica store " + file + " is closed");
        }
        if (store.isClosed()) {
            throw new IllegalStateException("replica store " + file + " failed: its MVStore closed itself");
        }
    }

    /**
     * Commits with the thread's interrupt flag clear: file channels close when a thread blocked in them is interrupted,
     * which would take the whole store down. (An interrupt arriving during the commit is absorbed by H2's
     * {@code retry:} file system, which reopens the file and clears the flag; the flag is restored only if it was set
     * before.)
     */
    void commit() {
        boolean interrupted = Thread.interrupted();
        try {
            store.commit();
            if (fsync) {
                store.sync();
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** MVStore closes itself on a fatal error (a "panic": I/O failure, heap exhausted inside it). */
    boolean hasFailed() {
        return !closed && store.isClosed();
    }

    boolean isClosed() {
        return closed;
    }

    /** From now on every access fails as closed. */
    void markClosed() {
        closed = true;
    }

    /** Runs {@code action} holding every lock stripe: no write is in progress meanwhile. */
    void withEveryStripe(Runnable action) {
        for (ReentrantLock stripe : stripes) {
            stripe.lock();
        }
        try {
            action.run();
        } finally {
            for (ReentrantLock stripe : stripes) {
                stripe.unlock();
            }
        }
    }
}
