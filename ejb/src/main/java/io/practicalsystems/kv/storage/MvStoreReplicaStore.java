package io.practicalsystems.kv.storage;

import io.practicalsystems.kv.ring.NodeId;
import io.practicalsystems.kv.ring.TokenRange;
import io.practicalsystems.kv.version.CausalContext;
import io.practicalsystems.kv.version.DottedVersionVectorSet;
import io.practicalsystems.kv.version.Versioned;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * A {@link ReplicaStore} in one H2 MVStore file: a copy-on-write B-tree of {@link RingKey} → {@link SiblingSetCodec}
 * bytes, so keys are sorted by ring position and a token range is one ordered scan (two if it wraps).
 *
 * <h2>Durability</h2>
 * Every change is appended to a {@link WriteAheadLog} and written before the write returns; concurrent writers share
 * the log writes (group commit). The MVStore file is committed only at checkpoints — after 5.6–8 MB of log or about an
 * eighth of the heap in unsaved pages, on a background thread ({@link BackgroundCheckpoints}); after garbage
 * collection; on close — and on opening, the log left since the last checkpoint is replayed.
 * What an acknowledged write survives depends on {@link Durability}:
 * <ul>
 *   <li>{@link Durability#PROCESS_CRASH} (the default): the log record is written to the operating system, which keeps
 *       it when the process dies (kill -9, OOM, a JVM crash) but may lose it on power loss or a kernel crash. After one
 *       of those, treat the node's data as lost: delete the file and rejoin under a new node ID, exactly as for a wiped
 *       disk — acknowledged writes may be missing, so the node could reissue dot counters others already know, and the
 *       file may not open at all (see below). Replication (W copies on different machines) is what protects data
 *       against one machine losing power; that is the bet Dynamo and Cassandra's periodic commit log make.</li>
 *   <li>{@link Durability#POWER_LOSS}: every log write is also fsynced, and every checkpoint. Costs a disk flush per
 *       group of writes (sub-millisecond on a datacenter SSD with power-loss protection, milliseconds on consumer or
 *       network disks).</li>
 * </ul>
 * Why a log: committing the MVStore per write (the first version) cost about 200 µs of CPU per write and grew the
 * file to about ten times the data — each commit rewrote B-tree pages and the chunk layout. MVStore never overwrites
 * live data; freed file space is reused at once (retention time 0) rather than after its default 45 s. That is safe
 * when every commit is flushed in order — always true for a process crash, and with fsync for power loss — but
 * without fsync a power loss can leave the file unopenable, hence the advice above. MVStore's background writer is off
 * (this class decides when the file is committed), so its housekeeping is too: {@link #collectGarbage} compacts a
 * bounded amount after removing keys.
 *
 * <h2>Concurrency</h2>
 * A write holds its key's lock stripe from read to durable commit, and reads take the same stripe: per-key atomic
 * read-modify-write, and a read never sees a write that is not yet durable (see {@link ReplicaStore}). Writers of
 * other stripes proceed in parallel and share log writes.
 *
 * <h2>Opening</h2>
 * A new store is created under a temporary name with a format marker and then renamed into place, so a file at the
 * path either is a replica store or is rejected: a foreign or corrupted file gives an {@link IllegalStateException}
 * naming the file and the problem, as does a file another process has open (MVStore locks it).
 */
public final class MvStoreReplicaStore implements ReplicaStore {

    /** What a write has survived when {@link #update}, {@link #merge} or {@link #remove} returns. */
    public enum Durability {
        /** Written to the operating system: survives the process dying, not a power loss. */
        PROCESS_CRASH,
        /** Also fsynced: survives power loss (on disks that honour flushes). */
        POWER_LOSS
    }

    /** Chunks less full than this are rewritten by the compaction after garbage collection. */
    private static final int COMPACT_FILL_RATE_PERCENT = 50;
    private static final int COMPACT_MAX_BYTES = 4 << 20;

    private final Path file;
    private final MVStore store;
    private final MVMap<RingKey, byte[]> copies;
    private final MvStoreFile.Meta meta;
    private final WriteAheadLog log;
    private final ReentrantLock checkpointing = new ReentrantLock();
    private final BackgroundCheckpoints checkpoints;
    private final ActorEpoch epoch;
    private final ObjectLimits limits;
    private final MvStoreAccess access;

    private MvStoreReplicaStore(Path file, MVStore store, Durability durability, ObjectLimits limits) {
        this.file = file;
        this.limits = Objects.requireNonNull(limits, "limits");
        this.store = store;
        this.copies = MvStoreFile.copies(store);
        this.meta = new MvStoreFile.Meta(store);
        boolean fsync = durability == Durability.POWER_LOSS;
        this.access = new MvStoreAccess(file, store, fsync);
        try {
            this.log = WriteAheadLog.open(file, fsync, this::replay);
            access.commit(); // what the log replayed is now in the file: its old segments can go
            log.dropBefore(log.currentSegment());
        } catch (RuntimeException e) {
            store.closeImmediately();
            throw new IllegalStateException("cannot open replica store " + file + ": " + e.getMessage(), e);
        }
        // It may have issued dots before this process. A new epoch is logged before the change that needed it.
        this.epoch = new ActorEpoch(meta.actorEpoch(), true, next -> {
            meta.setActorEpoch(next);
            StoreChanges.epoch(log, next);
        });
        this.checkpoints = BackgroundCheckpoints.forStore(file.getFileName().toString(), log::sinceCheckpoint,
                store::getUnsavedMemory, () -> access.guarded(() -> {
                    checkpoint(() -> { });
                    return null;
                }));
    }

    /** Replays what the log holds since the last checkpoint. */
    private void replay(byte type, ByteBuffer body) {
        StoreChanges.apply(type, body, new StoreChanges.Target() {
            @Override
            public void put(String key, byte[] copy) {
                copies.put(RingKey.of(key), copy);
            }

            @Override
            public void remove(String key) {
                copies.remove(RingKey.of(key));
            }

            @Override
            public void raiseEpoch(long replayed) {
                meta.setActorEpoch(Math.max(meta.actorEpoch(), replayed));
            }
        });
    }

    /** Opens (or creates) the store at {@code file} with {@link Durability#PROCESS_CRASH} and default limits. */
    public static MvStoreReplicaStore open(Path file) {
        return open(file, Durability.PROCESS_CRASH);
    }

    /** Opens (or creates) the store at {@code file} with {@link ObjectLimits#DEFAULT}. */
    public static MvStoreReplicaStore open(Path file, Durability durability) {
        return open(file, durability, ObjectLimits.DEFAULT);
    }

    /**
     * Opens the store at {@code file}, creating it (and missing parent directories) if there is no file.
     *
     * @param limits what one key may hold (checked on writes; a stored copy over them stays readable)
     * @throws IllegalStateException if the file is not a replica store, is corrupted, or is in use
     */
    public static MvStoreReplicaStore open(Path file, Durability durability, ObjectLimits limits) {
        Objects.requireNonNull(durability, "durability");
        Path absolute = Objects.requireNonNull(file, "file").toAbsolutePath();
        return new MvStoreReplicaStore(absolute, MvStoreFile.openOrCreate(absolute), durability, limits);
    }

    @Override
    public Optional<DottedVersionVectorSet<Blob>> get(String key) {
        RingKey ringKey = RingKey.of(key);
        return access.locked(ringKey.key(), () -> read(ringKey));
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

    private DottedVersionVectorSet<Blob> write(String key, UnaryOperator<DottedVersionVectorSet<Blob>> change,
            ObjectLimits.Check limit) {
        DottedVersionVectorSet<Blob> written = writeLocked(key, change, limit);
        checkpoints.afterWrite();
        return written;
    }

    private DottedVersionVectorSet<Blob> writeLocked(String key, UnaryOperator<DottedVersionVectorSet<Blob>> change,
            ObjectLimits.Check limit) {
        RingKey ringKey = RingKey.of(key);
        return access.locked(ringKey.key(), () -> {
            DottedVersionVectorSet<Blob> current = read(ringKey).orElseGet(DottedVersionVectorSet::empty);
            DottedVersionVectorSet<Blob> next = change.apply(current);
            if (next.equals(current)) {
                return current; // a duplicate or older copy: nothing to write, and `current` is already durable
            }
            limit.check(key, current, next);
            byte[] bytes = SiblingSetCodec.encode(next);
            copies.put(ringKey, bytes); // before the log record: see WriteAheadLog#rotate
            log.awaitDurable(StoreChanges.put(log, ringKey.key(), bytes));
            return next;
        });
    }

    @Override
    public Map<String, byte[]> versionDigests(TokenRange range) {
        Map<String, byte[]> digests = new LinkedHashMap<>();
        forEachInRange(range, (key, copy) -> digests.put(key, copy.versionDigest()));
        return digests;
    }

    /** Walks a snapshot of the keys and re-reads each under its lock, so only durable copies are visited. */
    @Override
    public void forEachInRange(TokenRange range, BiConsumer<String, DottedVersionVectorSet<Blob>> action) {
        Objects.requireNonNull(range, "range");
        Objects.requireNonNull(action, "action");
        access.checkOpen();
        access.pinned(() -> {
            RingScan.forEachKey(range, this::keysFrom, ringKey -> access.locked(ringKey.key(), () -> read(ringKey))
                    .ifPresent(copy -> action.accept(ringKey.key(), copy)));
            return null;
        });
    }

    @Override
    public int collectGarbage(Instant now, Duration grace) {
        Objects.requireNonNull(now, "now");
        if (Objects.requireNonNull(grace, "grace").isNegative()) {
            throw new IllegalArgumentException("grace must not be negative, got " + grace);
        }
        access.checkOpen();
        List<Long> tickets = new ArrayList<>();
        access.pinned(() -> {
            for (Iterator<RingKey> keys = keysFrom(null); keys.hasNext(); ) {
                RingKey ringKey = keys.next();
                // Not durable before the lock is released, unlike other writes: seeing a key gone early is harmless,
                // and one commit for the whole sweep is far cheaper. A new actor epoch is logged before the removals.
                access.locked(ringKey.key(), () -> read(ringKey)
                        .filter(copy -> copy.isCollectable(now, grace))
                        .map(copy -> forget(ringKey)))
                        .ifPresent(tickets::add);
            }
            return null;
        });
        int removed = tickets.size();
        if (removed > 0) {
            long sweep = tickets.get(removed - 1);
            access.guarded(() -> {
                log.awaitDurable(sweep);
                checkpoint(() -> store.compact(COMPACT_FILL_RATE_PERCENT, COMPACT_MAX_BYTES));
                return null;
            });
        }
        return removed;
    }

    @Override
    public void remove(String key) {
        RingKey ringKey = RingKey.of(key);
        access.locked(ringKey.key(), () -> {
            read(ringKey).ifPresent(copy -> log.awaitDurable(forget(ringKey)));
            return null;
        });
    }

    /** Raises (and logs) the actor epoch if it was used, then removes the key; returns the removal's commit ticket. */
    private long forget(RingKey ringKey) {
        epoch.beforeForgetting(); // its log record precedes the removal's: durable with it
        copies.remove(ringKey);
        return StoreChanges.remove(log, ringKey.key());
    }

    /** Starts a new log segment, runs {@code beforeCommit}, commits the store, and drops the log it covers. */
    private void checkpoint(Runnable beforeCommit) {
        checkpointing.lock();
        try {
            long segment = log.rotate();
            beforeCommit.run();
            access.commit();
            log.dropBefore(segment);
        } finally {
            checkpointing.unlock();
        }
    }

    @Override
    public long keyCount() {
        return access.guarded(copies::sizeAsLong);
    }

    /** MVStore closes itself on a fatal error (a "panic": I/O failure, heap exhausted inside it). */
    @Override
    public boolean hasFailed() {
        return access.hasFailed();
    }

    /** Closes the file at once, without committing: a test's stand-in for MVStore's panic. */
    void closeImmediatelyForTest() {
        store.closeImmediately();
    }

    /**
     * Waits for writes in progress to finish (and commit), then closes the file. Idempotent. After a failure
     * ({@link #hasFailed()}) the log is kept: it holds the acknowledged writes the file never got, for the next opening
     * to replay.
     */
    @Override
    public synchronized void close() {
        if (access.isClosed()) {
            return;
        }
        boolean failed = hasFailed();
        checkpoints.close(); // lets a checkpoint in progress finish
        access.markClosed();
        checkpointing.lock();
        try {
            access.withEveryStripe(() -> {
                log.close();
                if (!failed) {
                    store.close(); // commits every change, so no log segment is needed any more
                    log.dropBefore(Long.MAX_VALUE);
                }
            });
        } finally {
            checkpointing.unlock();
        }
    }

    private Iterator<RingKey> keysFrom(RingKey from) {
        return access.guarded(() -> copies.keyIterator(from));
    }

    private Optional<DottedVersionVectorSet<Blob>> read(RingKey ringKey) {
        byte[] bytes = copies.get(ringKey);
        if (bytes == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(SiblingSetCodec.decode(bytes));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("corrupted copy of key '" + ringKey.key() + "' in " + file, e);
        }
    }

    @Override
    public String toString() {
        return "MvStoreReplicaStore(" + file + ")";
    }
}
