package io.practicalsystems.idgen;

import static org.assertj.core.api.Assertions.assertThat;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

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

    @Test
    void decodeInvertsEncode() {
        qt().forAll(parts()).checkAssert(p -> {
            long id = p.encode();

            assertThat(id).isNotNegative();
            assertThat(p.layout().decode(id))
                    .isEqualTo(new DecodedId(id, p.timestamp(), p.workerId(), p.sequence()));
        });
    }

    @Test
    void idsOrderByTimestampThenWorkerThenSequence() {
        qt().forAll(partsPairs()).checkAssert(pair -> {
            int idOrder = Long.compare(pair.a().encode(), pair.b().encode());
            int fieldOrder = Arrays.compare(pair.a().fields(), pair.b().fields());

            assertThat(Integer.signum(idOrder)).isEqualTo(Integer.signum(fieldOrder));
        });
    }

    @Test
    void everyNonNegativeLongDecodesAndReencodesToItself() {
        qt().forAll(layouts(), longs().between(0, Long.MAX_VALUE)).checkAssert((layout, id) -> {
            DecodedId d = layout.decode(id);

            assertThat(layout.encode(d.timestampSinceEpoch(), d.workerId(), d.sequence())).isEqualTo(id);
        });
    }

    /** Worker bits 1..20 and sequence bits 1..22, leaving at least 30 timestamp bits. */
    private static Gen<IdLayout> layouts() {
        return integers().between(1, 20).flatMap(w -> integers().between(1, Math.min(22, 33 - w))
                .map(s -> new IdLayout(63 - w - s, w, s)));
    }

    private static Gen<Parts> parts() {
        return layouts().flatMap(IdLayoutRoundTripPropertyTest::partsFor);
    }

    private static Gen<PartsPair> partsPairs() {
        return layouts().flatMap(layout -> partsFor(layout).zip(partsFor(layout), PartsPair::new));
    }

    private static Gen<Parts> partsFor(IdLayout layout) {
        return longs().between(0, layout.maxTimestamp()).zip(
                longs().between(0, layout.maxWorkerId()),
                longs().between(0, layout.maxSequence()),
                (t, w, s) -> new Parts(layout, t, w, s));
    }
}
