package io.practicalsystems.kv.version;

import io.practicalsystems.kv.ring.NodeId;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class VersionVectorPropertyTest {

    @Property
    void mergeIsCommutativeAssociativeAndIdempotent(@ForAll("vectors") VersionVector a,
            @ForAll("vectors") VersionVector b, @ForAll("vectors") VersionVector c) {
        assertThat(a.merge(b)).isEqualTo(b.merge(a));
        assertThat(a.merge(b).merge(c)).isEqualTo(a.merge(b.merge(c)));
        assertThat(a.merge(a)).isEqualTo(a);
    }

    @Property
    void mergeDescendsFromBothAndIsTheLeastSuch(@ForAll("vectors") VersionVector a,
            @ForAll("vectors") VersionVector b) {
        VersionVector merged = a.merge(b);

        assertThat(merged.descends(a)).isTrue();
        assertThat(merged.descends(b)).isTrue();
        for (NodeId node : merged.nodes()) {
            assertThat(merged.counter(node)).isEqualTo(Math.max(a.counter(node), b.counter(node)));
        }
    }

    @Property
    void swappingTheArgumentsInvertsTheAnswer(@ForAll("vectors") VersionVector a,
            @ForAll("vectors") VersionVector b) {
        assertThat(b.compare(a)).isEqualTo(a.compare(b).inverse());
    }

    @Property
    void equalMeansSameCountersAndBeforeMeansStrictlyLess(@ForAll("vectors") VersionVector a,
            @ForAll("vectors") VersionVector b) {
        Ordering ordering = a.compare(b);

        assertThat(ordering == Ordering.EQUAL).isEqualTo(a.counters().equals(b.counters()));
        if (ordering == Ordering.BEFORE) {
            assertThat(b.merge(a).counters()).isEqualTo(b.counters());
        }
        assertThat(ordering == Ordering.CONCURRENT).isEqualTo(!a.descends(b) && !b.descends(a));
    }

    @Property
    void incrementDominatesAndCoversTheNewDot(@ForAll("vectors") VersionVector a, @ForAll("nodes") NodeId node) {
        VersionVector next = a.increment(node, Instant.EPOCH);

        assertThat(next.dominates(a)).isTrue();
        assertThat(next.covers(new Dot(node, next.counter(node)))).isTrue();
        assertThat(a.covers(new Dot(node, next.counter(node)))).isFalse();
    }

    @Provide
    Arbitrary<NodeId> nodes() {
        return Arbitraries.of("a", "b", "c", "d").map(NodeId::of);
    }

    @Provide
    Arbitrary<VersionVector> vectors() {
        return Arbitraries.maps(nodes(), Arbitraries.longs().between(1, 4)).ofMaxSize(4).map(VersionVector::of);
    }

    @Property
    void counterOfAnAbsentNodeIsZero(@ForAll("vectors") VersionVector a) {
        assertThat(a.counter(NodeId.of("absent"))).isZero();
        assertThat(a.nodes()).doesNotContain(NodeId.of("absent"));
    }
}
