package io.practicalsystems.kv.coordinator;

import io.practicalsystems.kv.ring.NodeId;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The transport from a coordinator to one replica: HTTP/JSON between Liberty servers in production, an in-memory
 * map in unit tests, a seeded network (delays, drops, partitions) in the deterministic simulation.
 *
 * <p>Timeouts are the transport's job: a replica that does not answer in time must complete the future
 * exceptionally. The coordinator steps never read a clock or sleep, which is what lets the simulation drive them
 * with virtual time.
 *
 * @param <V> the versioned value (a sibling set with its causal context, possibly a tombstone)
 */
public interface ReplicaClient<V> {

    /**
     * Stores {@code value} on {@code node}: the replica <em>merges</em> it with what it holds (it never blindly
     * overwrites), so sending the same or an older version again is harmless.
     *
     * @param hintFor present when {@code node} is a stand-in for that (down) node: the replica keeps the value as a
     *                hint for it rather than as its own copy, and hands it over when that node is back
     */
    CompletableFuture<Void> put(NodeId node, String key, V value, Optional<NodeId> hintFor);

    /** What {@code node} holds for {@code key}; empty when it has nothing (never a {@code null} value). */
    CompletableFuture<Optional<V>> get(NodeId node, String key);
}
