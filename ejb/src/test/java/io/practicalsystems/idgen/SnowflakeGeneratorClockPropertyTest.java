package io.practicalsystems.idgen;

import static io.practicalsystems.idgen.SnowflakeGeneratorTest.EPOCH;
import static io.practicalsystems.idgen.SnowflakeGeneratorTest.T;
import static io.practicalsystems.idgen.SnowflakeGeneratorTest.TINY_SEQUENCE;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Whatever the clock does, issued IDs only go up and never carry a timestamp the clock has not reached. */
class SnowflakeGeneratorClockPropertyTest {

    private static final long TOLERANCE = 4;

    @Property(tries = 200)
    void idsOnlyGoUpWhateverTheClockDoes(
            @ForAll @Size(min = 1, max = 60) List<@IntRange(min = -12, max = 3) Integer> steps,
            @ForAll @IntRange(min = 1, max = 40) int batch) {
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
