package io.practicalsystems.kv.application;

import io.practicalsystems.kv.membership.ClusterSnapshot;
import io.practicalsystems.kv.membership.MemberStatus;
import io.practicalsystems.kv.ring.HashRing;
import io.practicalsystems.kv.ring.NodeId;
import io.practicalsystems.kv.ring.TokenRange;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The ring as arcs ({@code GET /api/kv-cluster/ring}), for drawing it: every token range with the node that owns it
 * as primary, clockwise from the smallest token. Tokens are strings because they are 64-bit and JSON readers (a
 * browser's) lose precision above 2^53.
 *
 * <p>Rebuilt from the members' statuses and vnode counts, as gossip builds the ring ({@link HashRing#withVnodes} of
 * the members in the ring): tokens are a pure function of node ID and vnode index, so this is the node's own ring.
 *
 * @param self        the node that answered
 * @param firstStart  where the first arc starts, as a fraction of the ring from the smallest position (the first arc
 *                    wraps past it); lets a drawing put position 0 at the top
 * @param arcs        every range in ring order; fractions sum to 1
 */
public record KvRingView(String self, int ringNodes, double firstStart, List<Arc> arcs) {

    /**
     * @param node     the primary replica of this range
     * @param start    exclusive, a signed 64-bit token as text
     * @param end      inclusive, the node's token
     * @param fraction share of the ring, 0..1
     */
    public record Arc(String node, String start, String end, double fraction) {
    }

    public static KvRingView of(KvClusterView cluster) {
        Map<NodeId, Integer> vnodes = new TreeMap<>();
        for (ClusterSnapshot.Member member : cluster.members()) {
            if (MemberStatus.valueOf(member.status()).inRing()) {
                vnodes.put(NodeId.of(member.id()), member.vnodes());
            }
        }
        if (vnodes.isEmpty()) {
            return new KvRingView(cluster.self(), 0, 0, List.of());
        }
        List<Map.Entry<NodeId, TokenRange>> ranges = new ArrayList<>();
        HashRing.withVnodes(vnodes).ownership().forEach((node, owned) -> owned.forEach(range ->
                ranges.add(Map.entry(node, range))));
        ranges.sort(Comparator.comparingLong(e -> e.getValue().end()));
        List<Arc> arcs = ranges.stream().map(e -> new Arc(e.getKey().value(),
                Long.toString(e.getValue().start()), Long.toString(e.getValue().end()),
                e.getValue().fractionOfRing())).toList();
        TokenRange first = ranges.get(0).getValue();
        double firstStart = first.isWholeRing() ? 0 : ((double) first.start() - (double) Long.MIN_VALUE) / 0x1p64;
        return new KvRingView(cluster.self(), vnodes.size(), firstStart, arcs);
    }
}
