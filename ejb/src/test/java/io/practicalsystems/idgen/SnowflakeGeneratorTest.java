package io.practicalsystems.idgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SnowflakeGeneratorTest {

    static final long EPOCH = 1_704_067_200_000L; // 2024-01-01T00:00Z
    static final long T = EPOCH + 1_000_000L;
    /** 16 IDs per millisecond, so sequence exhaustion is cheap to provoke. */
    static final IdLayout TINY_SEQUENCE = new IdLayout(49, 10, 4);

    static SnowflakeGenerator generator(IdLayout layout, MillisClock clock, long toleranceMillis) {
        return new SnowflakeGenerator(layout, EPOCH, 7, clock, toleranceMillis, new InMemoryHighWaterMarkStore(), 1_000);
    }

    @Test
    void idsCarryTheClockReadingWorkerIdAndSequence() {
        SnowflakeGenerator gen = generator(IdLayout.DEFAULT, new ManualClock(T), 5);

        long first = gen.nextId();
        long second = gen.nextId();

        assertThat(gen.decode(first)).isEqualTo(new DecodedId(first, T - EPOCH, 7, 0));
        assertThat(gen.decode(second)).isEqualTo(new DecodedId(second, T - EPOCH, 7, 1));
        assertThat(gen.timestampMillisOf(first)).isEqualTo(T);
        assertThat(gen.lastTimestampMillis()).isEqualTo(T);
    }

    @Test
    void idsStrictlyIncreaseAcrossMillisecondBoundaries() {
        ScriptedClock clock = ScriptedClock.ticking(T, 7); // a new millisecond every 7 reads
        SnowflakeGenerator gen = generator(TINY_SEQUENCE, clock, 5);

        long previous = -1;
        long previousTimestamp = Long.MIN_VALUE;
        int boundariesCrossed = 0;
        for (int i = 0; i < 100_000; i++) {
            long id = gen.nextId();
            long timestamp = gen.timestampMillisOf(id);
            assertThat(id).isGreaterThan(previous);
            assertThat(timestamp).isLessThanOrEqualTo(clock.lastReading());
            if (timestamp > previousTimestamp) {
                boundariesCrossed++;
            }
            previous = id;
            previousTimestamp = timestamp;
        }
        assertThat(boundariesCrossed).isGreaterThan(10_000);
    }

    @Test
    void idsOnTheSystemClockIncreaseAndCarryTheTimeTheyWereIssued() {
        SnowflakeGenerator gen = generator(IdLayout.DEFAULT, MillisClock.system(), 1_000);

        long before = System.currentTimeMillis();
        long[] ids = new long[200_000];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = gen.nextId();
        }
        long after = System.currentTimeMillis();

        for (int i = 1; i < ids.length; i++) {
            assertThat(ids[i]).isGreaterThan(ids[i - 1]);
        }
        assertThat(gen.timestampMillisOf(ids[0])).isBetween(before, after);
        assertThat(gen.timestampMillisOf(ids[ids.length - 1])).isBetween(before, after);
    }

    @Test
    void exhaustedMillisecondWaitsForTheNextOneInsteadOfBorrowingIt() {
        long maxSequence = TINY_SEQUENCE.maxSequence();
        ScriptedClock clock = ScriptedClock.holdingThenNext(T, 40); // stuck at T for 40 reads
        SnowflakeGenerator gen = generator(TINY_SEQUENCE, clock, 5);

        for (long expectedSequence = 0; expectedSequence <= maxSequence; expectedSequence++) {
            long id = gen.nextId();
            assertThat(gen.decode(id).sequence()).isEqualTo(expectedSequence);
            assertThat(gen.timestampMillisOf(id)).isEqualTo(T);
        }
        long overflow = gen.nextId(); // the (maxSequence + 2)th ID

        assertThat(gen.timestampMillisOf(overflow)).isEqualTo(T + 1);
        assertThat(gen.decode(overflow).sequence()).isZero();
        assertThat(clock.reads()).isGreaterThan(40); // it kept reading until the clock really moved on
        assertThat(gen.timestampMillisOf(overflow)).isLessThanOrEqualTo(clock.lastReading());
    }

    @Test
    void smallBackwardStepIsWaitedOut() {
        ScriptedClock clock = ScriptedClock.readings(T, T - 3, T - 2, T - 1, T, T + 1);
        SnowflakeGenerator gen = generator(IdLayout.DEFAULT, clock, 5);
        long before = gen.nextId();

        long after = gen.nextId();

        assertThat(after).isGreaterThan(before);
        assertThat(gen.timestampMillisOf(after)).isGreaterThanOrEqualTo(T);
        assertThat(clock.reads()).isGreaterThanOrEqualTo(5); // T only came back on the 5th read
    }

    @Test
    void backwardStepExactlyAtToleranceWaitsButOneMoreRefuses() {
        SnowflakeGenerator waits = generator(IdLayout.DEFAULT, ScriptedClock.readingsThenTicking(T, T - 3), 3);
        waits.nextId();
        assertThat(waits.timestampMillisOf(waits.nextId())).isGreaterThanOrEqualTo(T);

        SnowflakeGenerator refuses = generator(IdLayout.DEFAULT, ScriptedClock.readingsThenTicking(T, T - 4), 3);
        refuses.nextId();
        assertThatThrownBy(refuses::nextId).isInstanceOf(ClockMovedBackwardsException.class);
    }

    @Test
    void largeBackwardStepRefusesWithoutResettingTheSequence() {
        ManualClock clock = new ManualClock(T);
        SnowflakeGenerator gen = generator(IdLayout.DEFAULT, clock, 5);
        long[] issued = {gen.nextId(), gen.nextId(), gen.nextId()}; // sequences 0..2 at T

        clock.set(T - 10);
        assertThatThrownBy(gen::nextId)
                .isInstanceOfSatisfying(ClockMovedBackwardsException.class, e -> {
                    assertThat(e.driftMillis()).isEqualTo(10);
                    assertThat(e.toleranceMillis()).isEqualTo(5);
                    assertThat(e.retryAfterMillis()).isEqualTo(11);
                    assertThat(e.getMessage()).contains("10 ms behind", "5 ms tolerance");
                });
        assertThatThrownBy(gen::nextId).isInstanceOf(ClockMovedBackwardsException.class);
        assertThat(gen.lastTimestampMillis()).isEqualTo(T);

        clock.set(T); // back in the same millisecond: a reset sequence would reissue issued[0]
        long next = gen.nextId();

        assertThat(next).isGreaterThan(issued[2]).isNotIn(issued[0], issued[1], issued[2]);
        assertThat(gen.decode(next).sequence()).isEqualTo(3);
    }

    @Test
    void refusesClockBeforeTheEpoch() {
        SnowflakeGenerator gen = generator(IdLayout.DEFAULT, new ManualClock(EPOCH - 1), 5);

        assertThatThrownBy(gen::nextId)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("before the ID epoch");
    }

    @Test
    void refusesTimestampsTheLayoutCannotEncode() {
        IdLayout shortLived = new IdLayout(30, 13, 20);
        ManualClock clock = new ManualClock(EPOCH + shortLived.maxTimestamp());
        SnowflakeGenerator gen = generator(shortLived, clock, 5);
        long last = gen.nextId();
        assertThat(gen.timestampMillisOf(last)).isEqualTo(EPOCH + shortLived.maxTimestamp());

        clock.advance(1);

        assertThatThrownBy(gen::nextId)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("exhausted");
    }

    @Test
    void epochAtTheClockReadingGivesTimestampZero() {
        SnowflakeGenerator gen = generator(IdLayout.DEFAULT, new ManualClock(EPOCH), 5);

        long id = gen.nextId();

        assertThat(gen.decode(id).timestampSinceEpoch()).isZero();
        assertThat(id).isEqualTo(IdLayout.DEFAULT.encode(0, 7, 0));
    }

    @Test
    void constructorValidatesArguments() {
        ManualClock clock = new ManualClock(T);
        InMemoryHighWaterMarkStore hwm = new InMemoryHighWaterMarkStore();
        IdLayout layout = IdLayout.DEFAULT;

        assertThatThrownBy(() -> new SnowflakeGenerator(layout, EPOCH, 1024, clock, 5, hwm, 1_000))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0..1023");
        assertThatThrownBy(() -> new SnowflakeGenerator(layout, EPOCH, -1, clock, 5, hwm, 1_000))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("workerId");
        assertThatThrownBy(() -> new SnowflakeGenerator(layout, -1, 1, clock, 5, hwm, 1_000))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("epochMillis");
        assertThatThrownBy(() -> new SnowflakeGenerator(layout, EPOCH, 1, clock, -1, hwm, 1_000))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("backwardToleranceMillis");
        assertThatThrownBy(() -> new SnowflakeGenerator(layout, EPOCH, 1, clock, 5, hwm, -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reservationWindowMillis");
        assertThatThrownBy(() -> new SnowflakeGenerator(null, EPOCH, 1, clock, 5, hwm, 1_000))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new SnowflakeGenerator(layout, EPOCH, 1, null, 5, hwm, 1_000))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new SnowflakeGenerator(layout, EPOCH, 1, clock, 5, null, 1_000))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void accessorsReportConfiguration() {
        SnowflakeGenerator gen = generator(TINY_SEQUENCE, new ManualClock(T), 5);

        assertThat(gen.layout()).isEqualTo(TINY_SEQUENCE);
        assertThat(gen.epochMillis()).isEqualTo(EPOCH);
        assertThat(gen.workerId()).isEqualTo(7);
        assertThat(gen.lastTimestampMillis()).isEqualTo(EPOCH - 1); // nothing issued, no high-water mark
    }

    @Test
    void decodingHelpersRejectNegativeIds() {
        SnowflakeGenerator gen = generator(IdLayout.DEFAULT, new ManualClock(T), 5);

        assertThatThrownBy(() -> gen.decode(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> gen.timestampMillisOf(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
