package io.practicalsystems.kv.ring;

import static io.practicalsystems.kv.ring.RingTestData.key;
import static io.practicalsystems.kv.ring.RingTestData.keys;
import static io.practicalsystems.kv.ring.RingTestData.nodes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HashRingTest {

    private final List<NodeId> five = nodes(5);
    private final HashRing ring = HashRing.of(five, 16);

    @Test
    void preferenceListIsNDistinctNodesStartingWithThePrimary() {
        for (byte[] key : keys(1_000)) {
            List<NodeId> replicas = ring.preferenceList(key, 3);

            assertThat(replicas).hasSize(3).doesNotHaveDuplicates();
            assertThat(replicas.get(0)).isEqualTo(ring.primaryFor(key));
        }
    }

    @Test
    void shorterListsArePrefixesOfLongerOnes() {
        byte[] key = key("user:42");

        assertThat(ring.preferenceList(key, 5)).startsWith(ring.preferenceList(key, 3).toArray(NodeId[]::new));
    }

    @Test
    void sameMembersGiveTheSameRingWhateverTheOrder() {
        List<NodeId> backwards = new ArrayList<>(five);
        Collections.reverse(backwards);
        HashRing reversed = HashRing.of(backwards, 16);

        for (byte[] key : keys(200)) {
            assertThat(reversed.preferenceList(key, 3)).isEqualTo(ring.preferenceList(key, 3));
        }
    }

    @Test
    void rejectsReplicaCountsTheRingCannotHold() {
        assertThatThrownBy(() -> ring.preferenceList(key("k"), 6))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("replica count n must be 1..5 (the number of nodes in the ring), got 6");
        assertThatThrownBy(() -> ring.preferenceList(key("k"), 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsEmptyRingsAndBadVnodeCounts() {
        assertThatThrownBy(() -> HashRing.of(List.of(), 8)).hasMessage("a ring needs at least one node");
        assertThatThrownBy(() -> HashRing.of(five, 0))
                .hasMessage("vnodes for node node-1 must be 1..10000, got 0");
    }

    @Test
    void sloppyListWithEveryoneHealthyIsThePreferenceList() {
        byte[] key = key("k");

        List<Placement> placements = ring.preferenceListSkipping(key, 3, node -> true);

        assertThat(placements).extracting(Placement::node).isEqualTo(ring.preferenceList(key, 3));
        assertThat(placements).noneMatch(Placement::isStandIn);
    }

    @Test
    void downPreferredNodeIsReplacedByTheNextNodeClockwiseCarryingAHint() {
        byte[] key = key("k");
        List<NodeId> walk = ring.preferenceList(key, 5);
        NodeId down = walk.get(1);

        List<Placement> placements = ring.preferenceListSkipping(key, 3, node -> !node.equals(down));

        assertThat(placements).containsExactly(Placement.preferred(walk.get(0)), Placement.preferred(walk.get(2)),
                Placement.standIn(walk.get(3), down));
    }

    @Test
    void twoDownNodesGetStandInsInClockwiseOrder() {
        byte[] key = key("k");
        List<NodeId> walk = ring.preferenceList(key, 5);
        Set<NodeId> down = Set.of(walk.get(0), walk.get(2));

        List<Placement> placements = ring.preferenceListSkipping(key, 3, node -> !down.contains(node));

        assertThat(placements).containsExactly(Placement.preferred(walk.get(1)),
                Placement.standIn(walk.get(3), walk.get(0)), Placement.standIn(walk.get(4), walk.get(2)));
    }

    @Test
    void tooFewHealthyNodesGiveAShorterList() {
        byte[] key = key("k");
        List<NodeId> walk = ring.preferenceList(key, 5);
        Set<NodeId> up = Set.of(walk.get(0), walk.get(4));

        List<Placement> placements = ring.preferenceListSkipping(key, 3, up::contains);

        assertThat(placements).containsExactly(Placement.preferred(walk.get(0)),
                Placement.standIn(walk.get(4), walk.get(1)));
    }

    @Test
    void ownershipCoversTheRingExactlyOnceAndAgreesWithPlacement() {
        Map<NodeId, List<TokenRange>> ownership = ring.ownership();

        assertThat(ownership).containsOnlyKeys(five);
        List<TokenRange> all = ownership.values().stream().flatMap(Collection::stream).toList();
        assertThat(all).hasSize(ring.tokenCount());
        assertThat(all.stream().mapToDouble(TokenRange::fractionOfRing).sum()).isCloseTo(1.0, within(1e-9));
        for (byte[] key : keys(2_000)) {
            long position = RingHash.of(key);
            List<NodeId> owners = new ArrayList<>();
            ownership.forEach((node, ranges) -> {
                if (ranges.stream().anyMatch(range -> range.contains(position))) {
                    owners.add(node);
                }
            });
            assertThat(owners).containsExactly(ring.primaryFor(key));
        }
    }

    @Test
    void eachRangeIsReplicatedOnExactlyNNodes() {
        Map<NodeId, List<TokenRange>> replicated = ring.replicatedRanges(3);

        assertThat(replicated.values().stream().mapToInt(List::size).sum()).isEqualTo(3 * ring.tokenCount());
        for (byte[] key : keys(500)) {
            long position = RingHash.of(key);
            List<NodeId> holders = replicated.entrySet().stream()
                    .filter(e -> e.getValue().stream().anyMatch(range -> range.contains(position)))
                    .map(Map.Entry::getKey).toList();
            assertThat(holders).containsExactlyInAnyOrderElementsOf(ring.preferenceList(key, 3));
        }
    }

    @Test
    void singleTokenOwnsTheWholeRing() {
        HashRing lonely = HashRing.of(List.of(NodeId.of("solo")), 1);

        TokenRange only = lonely.ownership().get(NodeId.of("solo")).get(0);

        assertThat(only.isWholeRing()).isTrue();
        assertThat(lonely.preferenceList(key("anything"), 1)).containsExactly(NodeId.of("solo"));
    }

    @Test
    void moreVnodesMeanAProportionallyLargerShare() {
        HashRing weighted = HashRing.withVnodes(Map.of(NodeId.of("big"), 512, NodeId.of("small-1"), 128,
                NodeId.of("small-2"), 128));

        KeySpread spread = KeySpread.measure(weighted, keys(20_000));

        // Expected shares 2/3 and 1/6 each; 512/128 tokens keep each within a few percent.
        assertThat(spread.keysPerNode().get(NodeId.of("big")) / 20_000.0).isCloseTo(2 / 3.0, within(0.05));
        assertThat(spread.keysPerNode().get(NodeId.of("small-1")) / 20_000.0).isCloseTo(1 / 6.0, within(0.05));
    }

    @Test
    void addingAndRemovingANodeRoundTrips() {
        HashRing grown = ring.withNode(NodeId.of("node-6"), 16);

        assertThat(grown.nodes()).hasSize(6);
        assertThat(grown.tokenCount()).isEqualTo(6 * 16);
        HashRing shrunk = grown.withoutNode(NodeId.of("node-6"));
        for (byte[] key : keys(200)) {
            assertThat(shrunk.preferenceList(key, 3)).isEqualTo(ring.preferenceList(key, 3));
        }
    }
}
