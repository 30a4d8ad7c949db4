package io.practicalsystems.kv.ring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.practicalsystems.testsupport.Gens;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** The ring against a naive reference: sort all vnode tokens, walk clockwise, skip nodes already taken. */
class HashRingPropertyTest {

    /** A ring of {@code nodeCount} nodes with {@code vnodes} tokens each. */
    record RingShape(int nodeCount, int vnodes) {
    }

    @Test
    void preferenceListMatchesANaiveClockwiseWalk() {
        qt().withExamples(200).forAll(integers().between(1, 8), integers().between(1, 40), Gens.bytes(24),
                integers().between(1, 8)).checkAssert((nodeCount, vnodes, key, n) -> {
                    List<NodeId> nodes = RingTestData.nodes(nodeCount);
                    int replicas = Math.min(n, nodeCount);

                    HashRing ring = HashRing.of(nodes, vnodes);

                    assertThat(ring.preferenceList(key, replicas)).isEqualTo(naiveWalk(nodes, vnodes, key, replicas));
                });
    }

    @Test
    void sloppyListHasHealthyNodesOnlyAndStandInsCoverExactlyTheDownPreferredNodes() {
        Gen<RingShape> shapes = integers().between(1, 8).zip(integers().between(1, 20), RingShape::new);
        qt().withExamples(200).forAll(shapes, Gens.bytes(24), integers().between(1, 8), longs().all())
                .checkAssert(HashRingPropertyTest::assertSloppyListCoversTheDownPreferredNodes);
    }

    private static void assertSloppyListCoversTheDownPreferredNodes(RingShape shape, byte[] key, int n,
            long downMask) {
        int nodeCount = shape.nodeCount();
        int vnodes = shape.vnodes();
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
