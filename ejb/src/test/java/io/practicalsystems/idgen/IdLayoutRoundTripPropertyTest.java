package io.practicalsystems.idgen;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class IdLayoutRoundTripPropertyTest {

    /** (timestamp, workerId, sequence) that fit {@code layout}. */
    record Parts(IdLayout layout, long timestamp, long workerId, long sequence) {
        long encode() {
            return layout.encode(timestamp, workerId, sequence);
        }

        long[] fields() {
            return new long[] {timestamp, workerId, sequence};
        }
    }

    record PartsPair(Parts a, Parts b) {
    }

    @Property
    void decodeInvertsEncode(@ForAll("parts") Parts p) {
        long id = p.encode();

        assertThat(id).isNotNegative();
        assertThat(p.layout().decode(id)).isEqualTo(new DecodedId(id, p.timestamp(), p.workerId(), p.sequence()));
    }

    @Property
    void idsOrderByTimestampThenWorkerThenSequence(@ForAll("partsPairs") PartsPair pair) {
        int idOrder = Long.compare(pair.a().encode(), pair.b().encode());
        int fieldOrder = Arrays.compare(pair.a().fields(), pair.b().fields());

        assertThat(Integer.signum(idOrder)).isEqualTo(Integer.signum(fieldOrder));
    }

    @Property
    void everyNonNegativeLongDecodesAndReencodesToItself(@ForAll("layouts") IdLayout layout,
            @ForAll("nonNegativeLongs") long id) {
        DecodedId d = layout.decode(id);

        assertThat(layout.encode(d.timestampSinceEpoch(), d.workerId(), d.sequence())).isEqualTo(id);
    }

    @Provide
    Arbitrary<IdLayout> layouts() {
        return Combinators.combine(Arbitraries.integers().between(1, 20), Arbitraries.integers().between(1, 22))
                .filter((w, s) -> 63 - w - s >= 30)
                .as((w, s) -> new IdLayout(63 - w - s, w, s));
    }

    @Provide
    Arbitrary<Parts> parts() {
        return layouts().flatMap(IdLayoutRoundTripPropertyTest::partsFor);
    }

    @Provide
    Arbitrary<PartsPair> partsPairs() {
        return layouts().flatMap(layout -> Combinators.combine(partsFor(layout), partsFor(layout)).as(PartsPair::new));
    }

    @Provide
    Arbitrary<Long> nonNegativeLongs() {
        return Arbitraries.longs().between(0, Long.MAX_VALUE);
    }

    private static Arbitrary<Parts> partsFor(IdLayout layout) {
        return Combinators.combine(
                        Arbitraries.longs().between(0, layout.maxTimestamp()),
                        Arbitraries.longs().between(0, layout.maxWorkerId()),
                        Arbitraries.longs().between(0, layout.maxSequence()))
                .as((t, w, s) -> new Parts(layout, t, w, s));
    }
}
