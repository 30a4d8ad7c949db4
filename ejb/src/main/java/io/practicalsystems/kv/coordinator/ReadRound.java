package io.practicalsystems.kv.coordinator;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A read sent to several replicas.
 *
 * @param quorum  the first R answers (or {@link QuorumNotReachedException}): what the client's answer is built from
 * @param settled every answer once all replicas have answered or failed; never fails. Read repair uses this, so a
 *                stale replica that answered after the quorum is repaired too
 */
public record ReadRound<V>(CompletableFuture<List<NodeResponse<V>>> quorum,
        CompletableFuture<List<NodeResponse<V>>> settled) {
}
