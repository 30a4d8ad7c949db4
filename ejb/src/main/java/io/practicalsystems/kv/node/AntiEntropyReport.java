package io.practicalsystems.kv.node;

import io.practicalsystems.kv.ring.NodeId;
import io.practicalsystems.kv.ring.TokenRange;
import java.util.Optional;

/**
 * One anti-entropy exchange.
 *
 * @param range            the range compared; empty when this node replicates nothing
 * @param peer             the other replica; empty when none was reachable
 * @param differingBuckets leaves whose hashes differed
 * @param pushed           keys sent to the peer
 * @param pulled           keys fetched from the peer
 * @param failed           whether a call to the peer failed (the next round of this range retries)
 */
public record AntiEntropyReport(Optional<TokenRange> range, Optional<NodeId> peer, int differingBuckets, int pushed,
        int pulled, boolean failed) {

    static AntiEntropyReport idle(Optional<TokenRange> range) {
        return new AntiEntropyReport(range, Optional.empty(), 0, 0, 0, false);
    }
}
