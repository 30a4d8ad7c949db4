package io.practicalsystems.kv.node;

import io.practicalsystems.kv.coordinator.QuorumNotReachedException;
import java.util.List;

/**
 * The ring this node sees has fewer nodes than N: no quorum can be placed. Usually a node that has just started and
 * not yet heard from the others (its ring is only itself); otherwise N is configured above the cluster's size (use
 * N = 1 for a single node). A {@link QuorumNotReachedException}, so the REST layer answers 503 like any unmet quorum.
 */
public class RingTooSmallException extends QuorumNotReachedException {

    private static final long serialVersionUID = 1L;

    private final int ringSize;
    private final int n;

    public RingTooSmallException(String operation, int needed, int ringSize, int n) {
        super(operation, needed, 0, ringSize, List.of());
        this.ringSize = ringSize;
        this.n = n;
    }

    public int ringSize() {
        return ringSize;
    }

    public int n() {
        return n;
    }

    @Override
    public String getMessage() {
        return operation() + " quorum not reached: the ring has " + ringSize + " node(s), fewer than N = " + n
                + " replicas (this node may still be joining the cluster)";
    }
}
