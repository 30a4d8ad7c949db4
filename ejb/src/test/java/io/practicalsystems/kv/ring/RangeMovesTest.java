package io.practicalsystems.kv.ring;

import static io.practicalsystems.kv.ring.RingTestData.keys;
import static io.practicalsystems.kv.ring.RingTestData.nodes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RangeMovesTest {

    private static final NodeId NEWCOMER = NodeId.of("node-6");

    private final HashRing five = HashRing.of(nodes(5), 32);

    @Test
    void anUnchangedRingMovesNothing() {
        assertThat(HashRing.movesBetween(five, HashRing.of(nodes(5), 32), 3)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void aJoiningNodeOnlyReceivesAndEveryKeyItGainsIsCovered(int n) {
        HashRing six = five.withNode(NEWCOMER, 32);

        List<RangeMove> moves = HashRing.movesBetween(five, six, n);

        assertThat(moves).isNotEmpty().allMatch(move -> move.to().equals(NEWCOMER));
        assertMovesExplainEveryReplicaChange(five, six, n, moves);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3})
    void aLeavingNodeHandsItsRangesToTheNodesThatTakeOver(int n) {
        HashRing four = five.withoutNode(NodeId.of("node-3"));

        List<RangeMove> moves = HashRing.movesBetween(five, four, n);

        assertThat(moves).isNotEmpty().allMatch(move -> move.from().equals(NodeId.of("node-3")));
        assertMovesExplainEveryReplicaChange(five, four, n, moves);
    }

    @Test
    void growingPastNCopiesFromTheOldPrimary() {
        HashRing two = HashRing.of(nodes(2), 8);
        HashRing three = HashRing.of(nodes(3), 8);

        List<RangeMove> moves = HashRing.movesBetween(two, three, 3);

        // With 2 nodes and N = 3 both hold everything; the third node must receive the whole ring.
        assertThat(moves).allMatch(move -> move.to().equals(NodeId.of("node-3")));
        assertThat(moves.stream().mapToDouble(move -> move.range().fractionOfRing()).sum())
                .isCloseTo(1.0, within(1e-9));
        assertMovesExplainEveryReplicaChange(two, three, 3, moves);
    }

    @Test
    void adjacentPiecesWithTheSamePairAreMerged() {
        HashRing six = five.withNode(NEWCOMER, 32);

        List<RangeMove> moves = HashRing.movesBetween(five, six, 1);

        // n = 1: the newcomer takes over the arc just before each of its 32 tokens, one move per token at most.
        assertThat(moves).hasSizeLessThanOrEqualTo(32);
    }

    /**
     * For a sample of keys: a node that newly replicates the key has exactly one move covering it, from a node that
     * replicated it before; nodes that keep or lose the key receive nothing for it.
     */
    private static void assertMovesExplainEveryReplicaChange(HashRing before, HashRing after, int n,
            List<RangeMove> moves) {
        int beforeN = Math.min(n, before.nodes().size());
        int afterN = Math.min(n, after.nodes().size());
        for (byte[] key : keys(5_000)) {
            long position = RingHash.of(key);
            List<NodeId> had = before.preferenceList(key, beforeN);
            List<NodeId> has = after.preferenceList(key, afterN);
            List<RangeMove> covering = moves.stream().filter(move -> move.range().contains(position)).toList();

            assertThat(covering).extracting(RangeMove::to)
                    .containsExactlyInAnyOrderElementsOf(has.stream().filter(node -> !had.contains(node)).toList());
            assertThat(covering).allMatch(move -> had.contains(move.from()));
        }
    }
}
