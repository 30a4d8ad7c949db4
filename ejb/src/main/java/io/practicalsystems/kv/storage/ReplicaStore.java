package io.practicalsystems.kv.storage;

import io.practicalsystems.kv.ring.NodeId;
import io.practicalsystems.kv.ring.TokenRange;
import io.practicalsystems.kv.version.CausalContext;
import io.practicalsystems.kv.version.Dot;
import io.practicalsystems.kv.version.DottedVersionVectorSet;
import io.practicalsystems.kv.version.Versioned;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * One node's copy of the keys it replicates: per key, the dotted version vector set (siblings, tombstones, history).
 *
 * <p>Every write is a read-modify-write of one key that is atomic with respect to other writes of that key, and is
 * durable against a crash of the process (kill -9) before the method returns: a node acknowledges a write to a
 * coordinator only after this. Reads (including range visits) never return a write that is not yet durable: a copy
 * read and sent to another node just before a crash would otherwise carry a dot that the restarted node issues again,
 * for a different value. A key's ring position is {@code RingHash.of(key's UTF-8 bytes)}.
 *
 * <p>Forgetting a key ({@link #collectGarbage}, {@link #remove}) forgets its dot counters too. So that a later write of
 * the key can neither reuse a dot that a replica still holding the old copy knows (that replica would discard the new
 * write as already seen) nor claim to have seen the old copy's values (they would be discarded instead), a store that
 * forgot a key its node has written issues later dots under a fresh actor, {@code <node>+<epoch>}
 * ({@link ActorEpoch}). A store that never forgot anything issues dots under the coordinator's own ID.
 *
 * <p>Both kinds of write are held to the store's {@link ObjectLimits}: one that would grow a key beyond them throws
 * {@link ObjectLimitExceededException} and changes nothing.
 *
 * <p>{@link #close()} is idempotent; after it, every other method throws {@link IllegalStateException}. A store may
 * also close itself after an internal failure (an I/O error, the heap running out inside the storage engine): then
 * {@link #hasFailed()} says so, every method throws {@link IllegalStateException}, and only opening the store again
 * helps ({@link RecoveringReplicaStore}).
 */
public interface ReplicaStore extends AutoCloseable {

    /** What this replica holds for {@code key}; empty if it was never written here (or was garbage-collected). */
    Optional<DottedVersionVectorSet<Blob>> get(String key);

    /**
     * A write coordinated by this node: {@link DottedVersionVectorSet#update} of the stored copy (or of an empty set)
     * with the client's context, under a fresh dot of {@code coordinator}'s current actor. Returns the new stored copy,
     * which the coordinator then replicates, and the write's dot. Two writes with the same context both survive, as
     * siblings.
     */
    Written update(String key, CausalContext clientContext, Versioned<Blob> value, NodeId coordinator);

    /**
     * A copy from another node (replication, read repair, hinted handoff, anti-entropy, range moves):
     * {@link DottedVersionVectorSet#sync} with the stored copy. Idempotent; merging a copy the stored one already
     * contains changes nothing (and writes nothing). Returns the new stored copy; merging an empty set into a key this
     * store does not hold stores nothing and returns an empty set.
     */
    DottedVersionVectorSet<Blob> merge(String key, DottedVersionVectorSet<Blob> incoming);

    /**
     * Every key whose ring position is in {@code range}, with its {@code versionDigest()}: a Merkle tree's input.
     * Iterates in the order of {@link #forEachInRange}.
     */
    Map<String, byte[]> versionDigests(TokenRange range);

    /**
     * Visits every key whose ring position is in {@code range} (range moves, anti-entropy) in ring order: clockwise from
     * the range's start, keys at the same position by key. The action runs without any of the store's locks held, so
     * it may call the store; keys written during the visit may or may not be visited.
     */
    void forEachInRange(TokenRange range, BiConsumer<String, DottedVersionVectorSet<Blob>> action);

    /**
     * Removes keys whose siblings are all tombstones older than {@code grace} ({@link DottedVersionVectorSet#isCollectable}).
     * A maintenance task: the node calls it from its scheduler.
     *
     * @return how many keys were removed
     */
    int collectGarbage(Instant now, Duration grace);

    /** Removes a key outright: only for a range this node no longer replicates, after its new owners have it. */
    void remove(String key);

    long keyCount();

    /** Whether the store closed itself after a failure (not by {@link #close()}); it answers nothing any more. */
    default boolean hasFailed() {
        return false;
    }

    @Override
    void close();

    /**
     * The outcome of {@link #update}.
     *
     * @param copy the key's new stored copy
     * @param dot  the dot the written value got
     */
    record Written(DottedVersionVectorSet<Blob> copy, Dot dot) {
    }
}
