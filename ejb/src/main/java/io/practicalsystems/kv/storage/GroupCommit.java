package io.practicalsystems.kv.storage;

import java.util.concurrent.atomic.AtomicLong;
import org.h2.mvstore.MVStore;

/**
 * Makes completed MVStore writes durable, one commit for every write waiting at the time (group commit).
 *
 * <p>A writer changes the store, takes a {@link #ticket()}, and calls {@link #awaitDurable}. While one thread
 * commits, the others queue on this object's monitor; the commit covers every ticket issued before it started, so the
 * queued writers find their ticket covered and return without committing again. Under load a handful of writes share
 * each commit (and each fsync); alone, a writer pays for exactly one.
 *
 * <p>Correctness rests on ticket order: a ticket is taken after its write completed, and a commit includes every write
 * completed before it started (MVStore commits the maps' current roots), so "ticket ≤ the last ticket issued before
 * the commit began" implies "in that commit".
 */
final class GroupCommit {

    private final MVStore store;
    private final boolean fsync;
    private final AtomicLong issued = new AtomicLong();
    private long durableThrough; // guarded by this

    GroupCommit(MVStore store, boolean fsync) {
        this.store = store;
        this.fsync = fsync;
    }

    /** Names a write that has just completed; pass it to {@link #awaitDurable}. */
    long ticket() {
        return issued.incrementAndGet();
    }

    /** Returns once the write named by {@code ticket}, and every earlier one, is committed (and fsynced if asked). */
    synchronized void awaitDurable(long ticket) {
        if (durableThrough >= ticket) {
            return;
        }
        long covered = issued.get();
        commitNow();
        durableThrough = covered;
    }

    /**
     * Rewrites some sparsely used chunks to reclaim file space, at most {@code maxBytes}, then commits. Here, under
     * the commit lock, because MVStore's own background housekeeping is off (see {@link MvStoreReplicaStore}).
     */
    synchronized void compact(int targetFillRatePercent, int maxBytes) {
        long covered = issued.get();
        store.compact(targetFillRatePercent, maxBytes);
        commitNow();
        durableThrough = Math.max(durableThrough, covered);
    }

    /**
     * Commits with the thread's interrupt flag clear: file channels close when a thread blocked in them is interrupted,
     * which would take the whole store down. (An interrupt arriving during the commit is absorbed by H2's
     * {@code retry:} file system, which reopens the file and clears the flag; the flag is restored only if it was set
     * before.)
     */
    private void commitNow() {
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
}
