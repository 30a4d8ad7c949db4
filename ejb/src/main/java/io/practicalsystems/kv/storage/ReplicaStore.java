package io.practicalsystems.kv.storage;

import io.practicalsystems.kv.ring.NodeId;
import io.practicalsystems.kv.ring.TokenRange;
import io.practicalsystems.kv.version.CausalContext;
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
 * coordinator only after this. A key's ring position is {@code RingHash.of(key's UTF-8 bytes)}.
 */
public interface ReplicaStore extends AutoCloseable {

    /** What this replica holds for {@code key}; empty if it was never written here (or was garbage-collected). */
    Optional<DottedVersionVectorSet<Blob>> get(String key);

    /**
     * A write coordinated by this node: {@link DottedVersionVectorSet#update} of the stored copy (or of an empty set)
     * with the client's context, under a fresh dot of {@code coordinator}. Returns the new stored copy, which the
     * coordinator then replicates.
     */
    DottedVersionVectorSet<Blob> update(String key, CausalContext clientContext, Versioned<Blob> value,
            NodeId coordinator);

    /**
     * A copy from another node (replication, read repair, hinted handoff, anti-entropy, range moves):
     * {@link DottedVersionVectorSet#sync} with the stored copy. Idempotent. Returns the new stored copy.
     */
    DottedVersionVectorSet<Blob> merge(String key, DottedVersionVectorSet<Blob> incoming);

    /** Every key whose ring position is in {@code range}, with its {@code versionDigest()}: a Merkle tree's input. */
    Map<String, byte[]> versionDigests(TokenRange range);

    /** Visits every key whose ring position is in {@code range} (range moves, anti-entropy), in no promised order. */
    void forEachInRange(TokenRange range, BiConsumer<String, DottedVersionVectorSet<Blob>> action);

    /**
     * Removes keys whose siblings are all tombstones older than {@code grace} ({@link DottedVersionVectorSet#isCollectable}).
     *
     * @return how many keys were removed
     */
    int collectGarbage(Instant now, Duration grace);

    /** Removes a key outright: only for a range this node no longer replicates, after its new owners have it. */
    void remove(String key);

    long keyCount();

    @Override
    void close();
}
