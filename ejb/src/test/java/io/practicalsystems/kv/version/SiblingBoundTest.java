package io.practicalsystems.kv.version;

import io.practicalsystems.kv.ring.NodeId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import io.practicalsystems.testsupport.Gens;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Read-modify-write keeps siblings bounded by the number of clients writing concurrently, not by history length. */
class SiblingBoundTest {

    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void oneClientDoingReadModifyWriteAlwaysLeavesExactlyOneSibling() {
        DottedVersionVectorSet<String> set = DottedVersionVectorSet.empty();
        for (int i = 0; i < 1_000; i++) {
            NodeId coordinator = NodeId.of("n" + (i % 3));
            set = set.update(set.context(), Versioned.of("v" + i, T0.plusSeconds(i)), coordinator);
            assertThat(set.siblings()).hasSize(1);
        }
        assertThat(set.liveValues()).containsExactly("v999");
        assertThat(set.history().size()).isEqualTo(3);
    }

    @Test
    void blindWritesAreWhatGrowsSiblings() {
        DottedVersionVectorSet<String> set = DottedVersionVectorSet.empty();
        for (int i = 0; i < 5; i++) {
            set = set.update(CausalContext.empty(), Versioned.of("v" + i, T0), NodeId.of("n1"));
        }
        assertThat(set.siblings()).hasSize(5);
    }

    /**
     * {@code k} clients, each alternating read then write against one replica, in a random interleaving: a client's
     * write covers its own previous write (it read after making it), so at most one sibling per client remains.
     */
    @Test
    void kConcurrentReadModifyWriteClientsLeaveAtMostKSiblings() {
        qt().forAll(integers().between(1, 5), Gens.listsOf(integers().between(0, 1_000), 0, 200))
                .checkAssert(SiblingBoundTest::assertAtMostKSiblings);
    }

    /** {@code turns}: whose turn it is, modulo {@code k}. */
    private static void assertAtMostKSiblings(int k, List<Integer> turns) {
        DottedVersionVectorSet<String> set = DottedVersionVectorSet.empty();
        Map<Integer, CausalContext> pendingReads = new HashMap<>();
        int step = 0;
        for (int turn : turns) {
            int client = turn % k;
            CausalContext read = pendingReads.remove(client);
            if (read == null) {
                pendingReads.put(client, set.context());
            } else {
                NodeId coordinator = NodeId.of("n" + (step % 3));
                set = set.update(read, Versioned.of("c" + client + "#" + step, T0.plusSeconds(step)), coordinator);
            }
            assertThat(set.siblings().size()).isLessThanOrEqualTo(k);
            step++;
        }
    }
}
