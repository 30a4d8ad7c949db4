package io.practicalsystems.kv.version;

import io.practicalsystems.kv.ring.NodeId;
import static io.practicalsystems.kv.version.VersionGens.fewNodes;
import static io.practicalsystems.kv.version.VersionGens.vectors;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class VersionVectorPropertyTest {

    @Test
    void mergeIsCommutativeAssociativeAndIdempotent() {
        qt().forAll(vectors(), vectors(), vectors()).checkAssert((a, b, c) -> {
            assertThat(a.merge(b)).isEqualTo(b.merge(a));
            assertThat(a.merge(b).merge(c)).isEqualTo(a.merge(b.merge(c)));
            assertThat(a.merge(a)).isEqualTo(a);
        });
    }

    @Test
    void mergeDescendsFromBothAndIsTheLeastSuch() {
        qt().forAll(vectors(), vectors()).checkAssert((a, b) -> {
            VersionVector merged = a.merge(b);

            assertThat(merged.descends(a)).isTrue();
            assertThat(merged.descends(b)).isTrue();
            for (NodeId node : merged.nodes()) {
                assertThat(merged.counter(node)).isEqualTo(Math.max(a.counter(node), b.counter(node)));
            }
        });
    }

    @Test
    void swappingTheArgumentsInvertsTheAnswer() {
        qt().forAll(vectors(), vectors())
                .checkAssert((a, b) -> assertThat(b.compare(a)).isEqualTo(a.compare(b).inverse()));
    }

    @Test
    void equalMeansSameCountersAndBeforeMeansStrictlyLess() {
        qt().forAll(vectors(), vectors()).checkAssert((a, b) -> {
            Ordering ordering = a.compare(b);

            assertThat(ordering == Ordering.EQUAL).isEqualTo(a.counters().equals(b.counters()));
            if (ordering == Ordering.BEFORE) {
                assertThat(b.merge(a).counters()).isEqualTo(b.counters());
            }
            assertThat(ordering == Ordering.CONCURRENT).isEqualTo(!a.descends(b) && !b.descends(a));
        });
    }

    @Test
    void incrementDominatesAndCoversTheNewDot() {
        qt().forAll(vectors(), fewNodes()).checkAssert((a, node) -> {
            VersionVector next = a.increment(node, Instant.EPOCH);

            assertThat(next.dominates(a)).isTrue();
            assertThat(next.covers(new Dot(node, next.counter(node)))).isTrue();
            assertThat(a.covers(new Dot(node, next.counter(node)))).isFalse();
        });
    }

    @Test
    void counterOfAnAbsentNodeIsZero() {
        qt().forAll(vectors()).checkAssert(a -> {
            assertThat(a.counter(NodeId.of("absent"))).isZero();
            assertThat(a.nodes()).doesNotContain(NodeId.of("absent"));
        });
    }
}
