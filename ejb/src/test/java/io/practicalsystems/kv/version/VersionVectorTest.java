package io.practicalsystems.kv.version;

import io.practicalsystems.kv.ring.NodeId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VersionVectorTest {

    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    static final NodeId A = NodeId.of("a");
    static final NodeId B = NodeId.of("b");
    static final NodeId C = NodeId.of("c");

    static VersionVector vv(Object... nodeCounterPairs) {
        VersionVector v = VersionVector.empty();
        for (int i = 0; i < nodeCounterPairs.length; i += 2) {
            NodeId node = NodeId.of((String) nodeCounterPairs[i]);
            for (int n = 0; n < (Integer) nodeCounterPairs[i + 1]; n++) {
                v = v.increment(node, T0);
            }
        }
        return v;
    }

    @Test
    void emptyVectorsAreEqual() {
        assertThat(VersionVector.empty().compare(VersionVector.empty())).isEqualTo(Ordering.EQUAL);
        assertThat(VersionVector.empty().counter(A)).isZero();
        assertThat(VersionVector.empty().isEmpty()).isTrue();
    }

    @Test
    void incrementCountsPerNodeAndLeavesTheOriginalAlone() {
        VersionVector one = VersionVector.empty().increment(A, T0);
        VersionVector two = one.increment(A, T0).increment(B, T0);

        assertThat(one.counters()).containsExactly(Map.entry(A, 1L));
        assertThat(two.counters()).containsExactly(Map.entry(A, 2L), Map.entry(B, 1L));
        assertThat(two).hasToString("{a:2, b:1}");
    }

    @Test
    void comparesAllFourWays() {
        assertThat(vv("a", 1).compare(vv("a", 2))).isEqualTo(Ordering.BEFORE);
        assertThat(vv("a", 2).compare(vv("a", 1))).isEqualTo(Ordering.AFTER);
        assertThat(vv("a", 1, "b", 1).compare(vv("b", 1, "a", 1))).isEqualTo(Ordering.EQUAL);
        assertThat(vv("a", 2).compare(vv("a", 1, "b", 1))).isEqualTo(Ordering.CONCURRENT);
        // A missing entry counts as 0: {a:1} is before {a:1, b:1}.
        assertThat(vv("a", 1).compare(vv("a", 1, "b", 1))).isEqualTo(Ordering.BEFORE);
    }

    @Test
    void equalAndConcurrentAreDifferentAnswers() {
        VersionVector x = vv("a", 1);
        VersionVector y = vv("b", 1);

        assertThat(x.compare(y)).isEqualTo(Ordering.CONCURRENT);
        assertThat(x.compare(x)).isEqualTo(Ordering.EQUAL);
        assertThat(x.descends(y)).isFalse();
        assertThat(y.descends(x)).isFalse();
    }

    @Test
    void diamondOrdersThroughTheMerge() {
        VersionVector a = vv("a", 1);
        VersionVector b = a.increment(B, T0);
        VersionVector c = a.increment(C, T0);
        VersionVector d = b.merge(c).increment(A, T0);

        assertThat(a.compare(b)).isEqualTo(Ordering.BEFORE);
        assertThat(a.compare(c)).isEqualTo(Ordering.BEFORE);
        assertThat(b.compare(c)).isEqualTo(Ordering.CONCURRENT);
        assertThat(d.compare(b)).isEqualTo(Ordering.AFTER);
        assertThat(d.compare(c)).isEqualTo(Ordering.AFTER);
        assertThat(d.compare(a)).isEqualTo(Ordering.AFTER);
        assertThat(d.counters()).containsExactly(Map.entry(A, 2L), Map.entry(B, 1L), Map.entry(C, 1L));
    }

    @Test
    void mergeTakesTheEntryWiseMaximum() {
        assertThat(vv("a", 3, "b", 1).merge(vv("b", 2, "c", 1)).counters())
                .containsExactly(Map.entry(A, 3L), Map.entry(B, 2L), Map.entry(C, 1L));
    }

    @Test
    void dominatesIsStrictDescendsIsNot() {
        assertThat(vv("a", 2).dominates(vv("a", 1))).isTrue();
        assertThat(vv("a", 2).dominates(vv("a", 2))).isFalse();
        assertThat(vv("a", 2).descends(vv("a", 2))).isTrue();
        assertThat(vv("a", 1).descends(vv("a", 2))).isFalse();
        assertThat(vv("a", 2).dominates(vv("b", 1))).isFalse();
    }

    @Test
    void coversExactlyTheDotsUpToEachCounter() {
        VersionVector v = vv("a", 2);

        assertThat(v.covers(new Dot(A, 1))).isTrue();
        assertThat(v.covers(new Dot(A, 2))).isTrue();
        assertThat(v.covers(new Dot(A, 3))).isFalse();
        assertThat(v.covers(new Dot(B, 1))).isFalse();
    }

    @Test
    void compareIgnoresUpdateTimesButEqualsDoesNot() {
        VersionVector early = VersionVector.empty().increment(A, T0);
        VersionVector late = VersionVector.empty().increment(A, T0.plusSeconds(5));

        assertThat(early.compare(late)).isEqualTo(Ordering.EQUAL);
        assertThat(early).isNotEqualTo(late);
        assertThat(early.countersOnly()).isEqualTo(late.countersOnly());
        assertThat(early.merge(late).entries().get(A).updatedAt()).isEqualTo(T0.plusSeconds(5));
    }

    @Test
    void rejectsNonPositiveCountersAndNullNodes() {
        assertThatThrownBy(() -> VersionVector.of(Map.of(A, 0L))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(">= 1");
        assertThatThrownBy(() -> new Dot(A, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NodeId.of(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NodeId.of("x".repeat(256))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void exposedMapsAreReadOnly() {
        VersionVector v = vv("a", 1);

        assertThatThrownBy(() -> v.counters().put(B, 1L)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> v.entries().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void restoreRebuildsTheFullState() {
        VersionVector v = vv("a", 2, "b", 1).increment(C, T0.plusSeconds(9));

        assertThat(VersionVector.restore(v.entries(), v.prunedCeiling())).isEqualTo(v);
    }
}
