package io.practicalsystems.kv.coordinator;

import io.practicalsystems.kv.ring.NodeId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * How a coordinator reads: which replicas it asks ({@link ReadFanout}), in which order ({@link #order}), and what runs
 * a speculative ask later.
 *
 * @param askFirst the replica to ask before all others when it is one of the key's: the coordinator's own copy, which
 *                 costs no network hop
 */
public record ReadPlan(ReadFanout fanout, Optional<NodeId> askFirst, Delays delays) {

    /** Every replica at once, in preference-list order. */
    public static final ReadPlan ASK_ALL = new ReadPlan(ReadFanout.ALL, Optional.empty(), Delays.NONE);

    public ReadPlan {
        Objects.requireNonNull(fanout, "fanout");
        Objects.requireNonNull(askFirst, "askFirst");
        Objects.requireNonNull(delays, "delays");
    }

    /**
     * The key's replicas in the order a read asks them: {@code askFirst}, then those the failure detector sees up, then
     * the rest, each group in preference-list order. A replica known to be down is asked only when the others cannot
     * make R, so it does not cost reads the speculative delay while it stays down.
     */
    public List<NodeId> order(List<NodeId> preference, Predicate<NodeId> healthy) {
        List<NodeId> ordered = new ArrayList<>(preference.size());
        askFirst.filter(preference::contains).ifPresent(ordered::add);
        preference.stream().filter(node -> !ordered.contains(node) && healthy.test(node)).forEach(ordered::add);
        preference.stream().filter(node -> !ordered.contains(node)).forEach(ordered::add);
        return ordered;
    }
}
