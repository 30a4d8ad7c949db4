package io.practicalsystems.kv.node;

import io.practicalsystems.kv.coordinator.ReplicaClient;
import io.practicalsystems.kv.ring.NodeId;
import io.practicalsystems.kv.ring.TokenRange;
import io.practicalsystems.kv.storage.Blob;
import io.practicalsystems.kv.version.DottedVersionVectorSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Everything one {@link KvNode} asks of another: HTTP/JSON between Liberty servers, a seeded simulated network in
 * tests. Each method is answered on the target by the {@link KvNode} handler of the same name ({@code handle...}).
 *
 * <p>All calls are asynchronous, and timeouts are the transport's job: a call that gets no answer in time must
 * complete exceptionally. A failed future means "unknown": the target may or may not have acted on it, which every
 * caller tolerates because every operation here is a merge (idempotent) or a read — except
 * {@link #forwardWrite}, whose caller reports the write's outcome as unknown.
 *
 * <p>The inherited {@link ReplicaClient} calls are the coordinator's: {@code put} (answered by
 * {@link KvNode#handleReplicaPut}) merges a copy, as a hint for {@code hintFor} when present; {@code get}
 * ({@link KvNode#handleReplicaGet}) reads the stored copy. Keys there are the UTF-8 bytes of the string key.
 */
public interface NodeTransport extends ReplicaClient<DottedVersionVectorSet<Blob>> {

    /**
     * Asks {@code coordinator} to version and replicate a client's put or delete ({@link KvNode#handleForwardedWrite}):
     * a write must be coordinated by one of the key's preferred replicas, because the new version's dot comes from
     * the coordinator's own stored copy. When the coordinator answers with a {@link
     * io.practicalsystems.kv.coordinator.QuorumNotReachedException} (HTTP 503), an
     * {@link io.practicalsystems.kv.storage.ObjectLimitExceededException} (409/413: the key would pass its limits) or
     * an {@link IllegalArgumentException} (400), the future must fail with that same exception type, so the client
     * gets the coordinator's verdict; any other failure is reported as {@link ForwardingFailedException}.
     */
    CompletableFuture<ClientWriteResult> forwardWrite(NodeId coordinator, ClientWrite write);

    /**
     * The leaf hashes of {@code node}'s Merkle tree of {@code range} at {@code depth}, in bucket order
     * ({@link KvNode#handleMerkleLeaves}): the first step of an anti-entropy round. {@code exchange} (or null) names the
     * exchange, so all of its calls read one snapshot of the range on {@code node}.
     */
    CompletableFuture<List<byte[]>> merkleLeaves(NodeId node, TokenRange range, int depth,
            AntiEntropyExchange exchange);

    /**
     * Key → version digest for every key {@code node} holds in {@code range} that falls into one of {@code buckets}
     * of a tree of {@code depth} ({@link KvNode#handleBucketDigests}): the keys of the differing leaves;
     * the last call of {@code exchange} (or null).
     */
    CompletableFuture<Map<String, byte[]>> bucketDigests(NodeId node, TokenRange range, int depth,
            List<Integer> buckets, AntiEntropyExchange exchange);

    /** {@code node}'s copies of {@code keys}; keys it does not hold are left out ({@link KvNode#handleFetch}). */
    CompletableFuture<List<KeyedCopy>> fetch(NodeId node, List<String> keys);

    /**
     * Merges {@code copies} into {@code node}'s store ({@link KvNode#handleMergeBatch}); completes once they are
     * durable there — the acknowledgement a range hand-over waits for before the sender drops its copies.
     */
    CompletableFuture<Void> mergeBatch(NodeId node, List<KeyedCopy> copies);
}
