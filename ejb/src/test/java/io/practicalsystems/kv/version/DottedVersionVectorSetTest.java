package io.practicalsystems.kv.version;

import io.practicalsystems.kv.ring.NodeId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DottedVersionVectorSetTest {

    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    static final NodeId N1 = NodeId.of("n1");
    static final NodeId N2 = NodeId.of("n2");
    static final NodeId N3 = NodeId.of("n3");

    static DottedVersionVectorSet<String> write(DottedVersionVectorSet<String> set, CausalContext context,
            String value, NodeId coordinator) {
        return set.update(context, Versioned.of(value, T0), coordinator);
    }

    static DottedVersionVectorSet<String> empty() {
        return DottedVersionVectorSet.empty();
    }

    @Test
    void anEmptySetHasNoValuesAndAnEmptyContext() {
        assertThat(empty().isEmpty()).isTrue();
        assertThat(empty().liveValues()).isEmpty();
        assertThat(empty().context()).isEqualTo(CausalContext.empty());
    }

    @Test
    void aWriteWithTheReadContextReplacesWhatWasRead() {
        DottedVersionVectorSet<String> first = write(empty(), CausalContext.empty(), "v1", N1);
        DottedVersionVectorSet<String> second = write(first, first.context(), "v2", N1);

        assertThat(second.liveValues()).containsExactly("v2");
        assertThat(second.siblings()).extracting(Sibling::dot).containsExactly(new Dot(N1, 2));
        assertThat(second.context().vector().counters()).containsExactly(Map.entry(N1, 2L));
    }

    @Test
    void twoWritesWithTheSameContextOnTheSameCoordinatorBothSurvive() {
        DottedVersionVectorSet<String> base = write(empty(), CausalContext.empty(), "v0", N1);
        CausalContext readByBoth = base.context();

        DottedVersionVectorSet<String> afterX = write(base, readByBoth, "x", N1);
        DottedVersionVectorSet<String> afterY = write(afterX, readByBoth, "y", N1);

        assertThat(afterY.liveValues()).containsExactly("x", "y");
        assertThat(afterY.siblings()).extracting(Sibling::dot).containsExactly(new Dot(N1, 2), new Dot(N1, 3));
        assertThat(write(afterY, afterY.context(), "z", N1).liveValues()).containsExactly("z");
    }

    @Test
    void diamond() {
        // A on n1, replicated; B on n2 and C on n3 both after reading A; D after reading both.
        DottedVersionVectorSet<String> a = write(empty(), CausalContext.empty(), "A", N1);
        DottedVersionVectorSet<String> atN2 = empty().sync(a);
        DottedVersionVectorSet<String> atN3 = empty().sync(a);
        atN2 = write(atN2, atN2.context(), "B", N2);
        atN3 = write(atN3, atN3.context(), "C", N3);

        DottedVersionVectorSet<String> bAndC = atN2.sync(atN3);
        assertThat(bAndC.liveValues()).containsExactly("B", "C");
        assertThat(atN2.context().vector().compare(atN3.context().vector())).isEqualTo(Ordering.CONCURRENT);

        DottedVersionVectorSet<String> d = write(a.sync(bAndC), bAndC.context(), "D", N1);
        assertThat(d.liveValues()).containsExactly("D");
        assertThat(d.context().vector().compare(bAndC.context().vector())).isEqualTo(Ordering.AFTER);
        assertThat(atN2.sync(d).liveValues()).containsExactly("D");
        assertThat(atN3.sync(d).sync(a).liveValues()).as("late copy of A stays overwritten").containsExactly("D");
    }

    @Test
    void allConcurrentBlindWritesAreAllKeptUntilOneWriteReadsThemAll() {
        List<DottedVersionVectorSet<String>> replicas = List.of(
                write(empty(), CausalContext.empty(), "p", N1),
                write(write(empty(), CausalContext.empty(), "q", N2), CausalContext.empty(), "r", N2),
                write(empty(), CausalContext.empty(), "s", N3));

        DottedVersionVectorSet<String> all = mergeAll(replicas);

        assertThat(all.liveValues()).containsExactly("p", "q", "r", "s");
        assertThat(write(all, all.context(), "t", N2).liveValues()).containsExactly("t");
    }

    @Test
    void duplicateDeliveriesChangeNothing() {
        DottedVersionVectorSet<String> x = write(empty(), CausalContext.empty(), "x", N1);
        DottedVersionVectorSet<String> y = write(empty(), CausalContext.empty(), "y", N2);

        DottedVersionVectorSet<String> once = x.sync(y);

        assertThat(once.sync(y)).isEqualTo(once);
        assertThat(once.sync(y).sync(x).sync(once)).isEqualTo(once);
        assertThat(x.sync(x)).isEqualTo(x);
    }

    @Test
    void everyOrderOfMergingTheSameCopiesGivesTheSameSet() {
        DottedVersionVectorSet<String> a = write(empty(), CausalContext.empty(), "A", N1);
        DottedVersionVectorSet<String> b = write(empty().sync(a), a.context(), "B", N2);
        DottedVersionVectorSet<String> c = write(empty(), CausalContext.empty(), "C", N3);
        DottedVersionVectorSet<String> d = write(b, CausalContext.empty(), "D", N2);
        List<DottedVersionVectorSet<String>> copies = List.of(a, b, c, d);
        DottedVersionVectorSet<String> expected = mergeAll(copies);

        for (List<DottedVersionVectorSet<String>> order : permutations(copies)) {
            assertThat(mergeAll(order)).isEqualTo(expected);
        }
        assertThat(expected.liveValues()).containsExactly("B", "D", "C");
    }

    @Test
    void restoreRoundTripsAndRejectsBrokenInvariants() {
        DottedVersionVectorSet<String> set = write(write(empty(), CausalContext.empty(), "x", N1),
                CausalContext.empty(), "y", N1);

        assertThat(DottedVersionVectorSet.restore(set.history(), set.siblings())).isEqualTo(set);
        Sibling<String> uncovered = new Sibling<>(new Dot(N2, 1), Versioned.of("z", T0));
        assertThatThrownBy(() -> DottedVersionVectorSet.restore(set.history(), List.of(uncovered)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not cover");
        Sibling<String> first = set.siblings().get(0);
        assertThatThrownBy(() -> DottedVersionVectorSet.restore(set.history(), List.of(first, first)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("share dot");
    }

    @Test
    void versionDigestIsEqualExactlyForEqualVersions() {
        DottedVersionVectorSet<String> x = write(empty(), CausalContext.empty(), "x", N1);
        DottedVersionVectorSet<String> y = write(empty(), CausalContext.empty(), "y", N2);

        assertThat(x.sync(y).versionDigest()).isEqualTo(y.sync(x).versionDigest());
        assertThat(x.versionDigest()).isNotEqualTo(x.sync(y).versionDigest());
        assertThat(x.versionDigest()).hasSize(32);
    }

    static DottedVersionVectorSet<String> mergeAll(List<DottedVersionVectorSet<String>> copies) {
        DottedVersionVectorSet<String> merged = DottedVersionVectorSet.empty();
        for (DottedVersionVectorSet<String> copy : copies) {
            merged = merged.sync(copy);
        }
        return merged;
    }

    static <T> List<List<T>> permutations(List<T> items) {
        if (items.isEmpty()) {
            return List.of(List.of());
        }
        List<List<T>> result = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            List<T> rest = new ArrayList<>(items);
            T head = rest.remove(i);
            for (List<T> tail : permutations(rest)) {
                List<T> order = new ArrayList<>(List.of(head));
                order.addAll(tail);
                result.add(order);
            }
        }
        return result;
    }
}
