package io.practicalsystems.kv.ring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** The ring against a naive reference: sort all vnode tokens, walk clockwise, skip nodes already taken. */
class HashRingPropertyTest {

    @Property(tries = 200)
    void preferenceListMatchesANaiveClockwiseWalk(@ForAll @IntRange(min = 1, max = 8) int nodeCount,
            @ForAll @IntRange(min = 1, max = 40) int vnodes, @ForAll @Size(max = 24) byte[] key,
            @ForAll @IntRange(min = 1, max = 8) int n) {
        List<NodeId> nodes = RingTestData.nodes(nodeCount);
        int replicas = Math.min(n, nodeCount);

        HashRing ring = HashRing.of(nodes, vnodes);

        assertThat(ring.preferenceList(key, replicas)).isEqualTo(naiveWalk(nodes, vnodes, key, replicas));
    }

    @Property(tries = 200)
    void sloppyListHasHealthyNodesOnlyAndStandInsCoverExactlyTheDownPreferredNodes(
            @ForAll @IntRange(min = 1, max = 8) int nodeCount, @ForAll @IntRange(min = 1, max = 20) int vnodes,
            @ForAll @Size(max = 24) byte[] key, @ForAll @IntRange(min = 1, max = 8) int n, @ForAll long downMask) {
        List<NodeId> nodes = RingTestData.nodes(nodeCount);
        int replicas = Math.min(n, nodeCount);
        Predicate<NodeId> healthy = node -> (downMask >>> nodes.indexOf(node) & 1) == 0;
        HashRing ring = HashRing.of(nodes, vnodes);
        List<NodeId> preferred = ring.preferenceList(key, replicas);
        long healthyCount = nodes.stream().filter(healthy).count();

        List<Placement> placements = ring.preferenceListSkipping(key, replicas, healthy);

        assertThat(placements).allMatch(p -> healthy.test(p.node()));
        assertThat(placements).extracting(Placement::node).doesNotHaveDuplicates();
        assertThat(placements).hasSize((int) Math.min(replicas, healthyCount));
        List<NodeId> downPreferred = preferred.stream().filter(healthy.negate()).toList();
        List<NodeId> covered = placements.stream().flatMap(p -> p.hintFor().stream()).toList();
        assertThat(covered).isEqualTo(downPreferred.subList(0, covered.size()));
        assertThat(placements).filteredOn(p -> !p.isStandIn()).extracting(Placement::node)
                .containsExactlyElementsOf(preferred.stream().filter(healthy).toList());
    }

    private static List<NodeId> naiveWalk(List<NodeId> nodes, int vnodes, byte[] key, int n) {
        TreeMap<Long, NodeId> tokens = new TreeMap<>();
        for (NodeId node : nodes) {
            for (int i = 0; i < vnodes; i++) {
                tokens.merge(RingHash.vnodeToken(node, i), node, (a, b) -> a.compareTo(b) <= 0 ? a : b);
            }
        }
        long position = RingHash.of(key);
        List<Map.Entry<Long, NodeId>> clockwise = new ArrayList<>(tokens.tailMap(position, true).entrySet());
        clockwise.addAll(tokens.headMap(position, false).entrySet());
        List<NodeId> result = new ArrayList<>();
        Set<NodeId> seen = new HashSet<>();
        for (Map.Entry<Long, NodeId> token : clockwise) {
            if (result.size() < n && seen.add(token.getValue())) {
                result.add(token.getValue());
            }
        }
        return result;
    }
}
