package io.practicalsystems.kv.coordinator;

import io.practicalsystems.kv.ring.NodeId;

/**
 * One hand-off attempt to {@code target}.
 *
 * @param delivered hints the target accepted (and that left the queue)
 * @param requeued  hints put back because a delivery failed; the drain stops at the first failure, since a node
 *                  that refuses one hint is most likely down again
 */
public record DrainResult(NodeId target, int delivered, int requeued) {

    public boolean complete() {
        return requeued == 0;
    }
}
