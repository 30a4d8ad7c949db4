package io.practicalsystems.kv.coordinator;

import io.practicalsystems.kv.ring.NodeId;
import java.util.Objects;
import java.util.Optional;

/**
 * How a coordinator reads: which replicas it asks ({@link ReadFanout}), which of them first (its own copy, when it
 * holds one), and what runs a speculative ask later.
 */
public record ReadPlan(ReadFanout fanout, Optional<NodeId> askFirst, Delays delays) {

    /** Every replica at once, in preference-list order. */
    public static final ReadPlan ASK_ALL = new ReadPlan(ReadFanout.ALL, Optional.empty(), Delays.NONE);

    public ReadPlan {
        Objects.requireNonNull(fanout, "fanout");
        Objects.requireNonNull(askFirst, "askFirst");
        Objects.requireNonNull(delays, "delays");
    }
}
