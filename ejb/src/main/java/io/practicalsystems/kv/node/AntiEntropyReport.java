package io.practicalsystems.kv.node;

import io.practicalsystems.kv.ring.NodeId;
import io.practicalsystems.kv.ring.TokenRange;

/**
 * One anti-entropy exchange: one range compared with one peer.
 *
 * @param range            the range compared
 * @param peer             the other replica
 * @param differingBuckets leaves whose hashes differed
 * @param pushed           keys sent to the peer
 * @param pulled           keys fetched from the peer
 * @param failed           whether a call to the peer failed (the next pass retries)
 */
public record AntiEntropyReport(TokenRange range, NodeId peer, int differingBuckets, int pushed,
        int pulled, boolean failed) {

    /** Both replicas held the same versions of the range. */
    static AntiEntropyReport agreed(TokenRange range, NodeId peer) {
        return new AntiEntropyReport(range, peer, 0, 0, 0, false);
    }
}
