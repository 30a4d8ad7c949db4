package io.practicalsystems.kv.coordinator;

import io.practicalsystems.kv.ring.HashRing;
import io.practicalsystems.kv.ring.NodeId;
import io.practicalsystems.kv.ring.Placement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Step 1: which replicas a request goes to.
 *
 * <p>Strict quorum: the key's N preferred nodes, down or not (a down node simply fails and counts against the
 * quorum). Sloppy quorum: the N preferred nodes with each down one replaced by a healthy stand-in carrying a hint.
 * The ring and the health view are read per request, so membership changes and failure-detector verdicts apply
 * to the next request without rebuilding the coordinator.
 */
public final class PreferenceListStep {

    private final Supplier<HashRing> ring;
    private final Predicate<NodeId> healthy;

    public PreferenceListStep(Supplier<HashRing> ring, Predicate<NodeId> healthy) {
        this.ring = ring;
        this.healthy = healthy;
    }

    /** @throws IllegalArgumentException if N exceeds the number of nodes in the ring */
    public List<Placement> placements(String key, QuorumConfig quorum) {
        HashRing current = ring.get();
        if (quorum.mode() == QuorumMode.SLOPPY) {
            return withUncoveredDownNodes(current, key, quorum.n(),
                    current.preferenceListSkipping(key, quorum.n(), healthy));
        }
        return current.preferenceList(key, quorum.n()).stream().map(Placement::preferred).toList();
    }

    /**
     * A down preferred node that no healthy stand-in could cover (a small cluster: with three nodes and N=3 there is
     * nobody beyond the preference list) is tried anyway, as strict quorum would: if it fails, the coordinator keeps
     * a hint for it (the node layer's coordinator-side hints); if the failure detector was wrong, it gets its copy.
     */
    private static List<Placement> withUncoveredDownNodes(HashRing ring, String key, int n, List<Placement> sloppy) {
        if (sloppy.size() >= n) {
            return sloppy;
        }
        Set<NodeId> covered = new HashSet<>();
        sloppy.forEach(p -> {
            covered.add(p.node());
            p.hintFor().ifPresent(covered::add);
        });
        List<Placement> result = new ArrayList<>(sloppy);
        for (NodeId preferred : ring.preferenceList(key, n)) {
            if (!covered.contains(preferred)) {
                result.add(Placement.preferred(preferred));
            }
        }
        return List.copyOf(result);
    }
}
