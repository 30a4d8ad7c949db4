package io.practicalsystems.kv.version;

import io.practicalsystems.kv.ring.NodeId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VersionVectorPruningTest {

    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    static final Instant LATER = T0.plus(Duration.ofDays(10));
    static final VersionVectorPruning KEEP_TWO = new VersionVectorPruning(2, Duration.ofDays(1));
    static final NodeId A = NodeId.of("a");
    static final NodeId B = NodeId.of("b");
    static final NodeId C = NodeId.of("c");
    static final NodeId D = NodeId.of("d");

    /** a:5 (oldest), b:1, c:1, d:1 (newest), all older than a day at {@link #LATER}. */
    static VersionVector fourNodes() {
        VersionVector v = VersionVector.empty();
        for (int i = 0; i < 5; i++) {
            v = v.increment(A, T0);
        }
        return v.increment(B, T0.plusSeconds(1)).increment(C, T0.plusSeconds(2)).increment(D, T0.plusSeconds(3));
    }

    @Test
    void aVectorWithinTheLimitIsUntouched() {
        VersionVector v = VersionVector.empty().increment(A, T0).increment(B, T0);

        assertThat(v.prune(KEEP_TWO, LATER)).isSameAs(v);
    }

    @Test
    void dropsLeastRecentlyUpdatedEntriesDownToTheLimitAndRemembersTheirHighestCounter() {
        VersionVector pruned = fourNodes().prune(KEEP_TWO, LATER);

        assertThat(pruned.nodes()).containsExactly(C, D);
        assertThat(pruned.prunedCeiling()).isEqualTo(5);
        assertThat(fourNodes().descends(pruned)).as("a pruned vector is a lower bound").isTrue();
    }

    @Test
    void youngEntriesAreNeverPrunedSoTheBoundIsSoft() {
        Instant justAfterTheWrites = T0.plusSeconds(10);

        assertThat(fourNodes().prune(KEEP_TWO, justAfterTheWrites).size()).isEqualTo(4);
        // At T0 + 1 day + 1 s only a:5 (written at T0) and b (T0 + 1 s) are a full day old.
        assertThat(fourNodes().prune(KEEP_TWO, T0.plus(Duration.ofDays(1)).plusSeconds(1)).nodes())
                .containsExactly(C, D);
        assertThat(fourNodes().prune(KEEP_TWO, T0.plus(Duration.ofDays(1))).nodes()).containsExactly(B, C, D);
    }

    @Test
    void pinnedNodesAreKept() {
        assertThat(fourNodes().prune(KEEP_TWO, LATER, Set.of(A)).nodes()).containsExactly(A, D);
    }

    @Test
    void aPrunedNodeDoesNotReuseCountersEvenAfterAStaleMergeBringsItsEntryBack() {
        VersionVector original = fourNodes();
        VersionVector pruned = original.prune(KEEP_TWO, LATER);
        VersionVector stale = VersionVector.empty().increment(A, T0).increment(A, T0).increment(A, T0);

        VersionVector next = pruned.increment(A, LATER);
        VersionVector nextAfterStaleMerge = pruned.merge(stale).increment(A, LATER);

        assertThat(next.counter(A)).isEqualTo(6);
        assertThat(next.compare(original)).isEqualTo(Ordering.CONCURRENT); // b was pruned: a false sibling at worst
        assertThat(nextAfterStaleMerge.counter(A)).isEqualTo(6);
    }

    @Test
    void inADottedSetPruningCostsAFalseSiblingNeverAWrite() {
        NodeId coordinator = NodeId.of("n1");
        DottedVersionVectorSet<String> old = DottedVersionVectorSet.<String>empty()
                .update(CausalContext.empty(), Versioned.of("old", T0), NodeId.of("n0"));
        DottedVersionVectorSet<String> current = old;
        for (int i = 2; i <= 4; i++) { // three more servers each overwrite, so the history outgrows two entries
            current = current.update(current.context(), Versioned.of("v" + i, T0.plusSeconds(i)), NodeId.of("n" + i));
        }
        current = current.update(current.context(), Versioned.of("new", T0.plusSeconds(5)), coordinator);
        DottedVersionVectorSet<String> pruned = current.pruneHistory(KEEP_TWO, LATER);

        assertThat(current.sync(old).liveValues()).containsExactly("new");
        assertThat(pruned.history().size()).isEqualTo(2);
        assertThat(pruned.history().nodes()).contains(coordinator); // the sibling's node is pinned
        assertThat(pruned.sync(old).liveValues()).containsExactlyInAnyOrder("old", "new");
        DottedVersionVectorSet<String> resolved = pruned.sync(old);
        assertThat(resolved.update(resolved.context(), Versioned.of("fixed", LATER), coordinator).liveValues())
                .containsExactly("fixed");
    }

    @Test
    void rejectsNonsensePolicies() {
        assertThatThrownBy(() -> new VersionVectorPruning(0, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new VersionVectorPruning(1, Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
