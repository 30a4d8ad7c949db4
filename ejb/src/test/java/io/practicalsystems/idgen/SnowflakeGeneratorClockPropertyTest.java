package io.practicalsystems.idgen;

import static io.practicalsystems.idgen.SnowflakeGeneratorTest.EPOCH;
import static io.practicalsystems.idgen.SnowflakeGeneratorTest.T;
import static io.practicalsystems.idgen.SnowflakeGeneratorTest.TINY_SEQUENCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import io.practicalsystems.testsupport.Gens;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Whatever the clock does, issued IDs only go up and never carry a timestamp the clock has not reached. */
class SnowflakeGeneratorClockPropertyTest {

    private static final long TOLERANCE = 4;

    @Test
    void idsOnlyGoUpWhateverTheClockDoes() {
        qt().withExamples(200)
                .forAll(Gens.listsOf(integers().between(-12, 3), 1, 60), integers().between(1, 40))
                .checkAssert(SnowflakeGeneratorClockPropertyTest::assertIdsOnlyGoUp);
    }

    /** Clock steps (ms per reading) and a batch size; calls alternate single IDs and batches. */
    private static void assertIdsOnlyGoUp(List<Integer> steps, int batch) {
        long[] readings = new long[steps.size()];
        long now = T;
        for (int i = 0; i < readings.length; i++) {
            now += steps.get(i);
            readings[i] = now;
        }
        // Ticking after the script ends guarantees every wait eventually finishes.
        ScriptedClock clock = ScriptedClock.readingsThenTicking(readings);
        SnowflakeGenerator gen = new SnowflakeGenerator(TINY_SEQUENCE, EPOCH, 5, clock, TOLERANCE,
                new InMemoryHighWaterMarkStore(), 10);

        long previous = -1;
        int issued = 0;
        for (int call = 0; call < steps.size() + 5; call++) {
            long lastTimestampBefore = gen.lastTimestampMillis();
            boolean single = call % 2 == 0;
            try {
                long[] ids = single ? new long[] {gen.nextId()} : gen.nextIds(batch);
                for (long id : ids) {
                    assertThat(id).isGreaterThan(previous);
                    assertThat(gen.timestampMillisOf(id)).isLessThanOrEqualTo(clock.maxReading());
                    previous = id;
                    issued++;
                }
                assertThat(gen.timestampMillisOf(previous)).isLessThanOrEqualTo(clock.lastReading());
            } catch (ClockMovedBackwardsException e) {
                // Refused against the state as it was; a batch may have committed earlier runs first.
                assertThat(e.driftMillis()).isGreaterThan(TOLERANCE);
                assertThat(clock.lastReading()).isEqualTo(gen.lastTimestampMillis() - e.driftMillis());
                if (single) {
                    assertThat(gen.lastTimestampMillis()).isEqualTo(lastTimestampBefore);
                }
            }
        }
        assertThat(issued).isPositive();
    }
}
