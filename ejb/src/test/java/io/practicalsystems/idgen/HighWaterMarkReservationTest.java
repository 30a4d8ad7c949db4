package io.practicalsystems.idgen;

import static io.practicalsystems.idgen.SnowflakeGeneratorTest.EPOCH;
import static io.practicalsystems.idgen.SnowflakeGeneratorTest.T;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HighWaterMarkReservationTest {

    private static final long WINDOW = 100;

    private static SnowflakeGenerator generator(MillisClock clock, long toleranceMillis, HighWaterMarkStore hwm) {
        return new SnowflakeGenerator(IdLayout.DEFAULT, EPOCH, 3, clock, toleranceMillis, hwm, WINDOW);
    }

    @Test
    void inMemoryStoreStartsAtZeroAndKeepsTheLastValue() {
        InMemoryHighWaterMarkStore store = new InMemoryHighWaterMarkStore();
        assertThat(store.load()).isZero();

        store.persist(T);

        assertThat(store.load()).isEqualTo(T);
    }

    @Test
    void persistsOncePerWindowAheadOfEveryIssuedTimestamp() {
        ManualClock clock = new ManualClock(T);
        RecordingHighWaterMarkStore store = new RecordingHighWaterMarkStore();
        SnowflakeGenerator gen = generator(clock, 5, store);

        for (int i = 0; i < 1_000; i++) {
            gen.nextId();
        }
        assertThat(store.persisted()).containsExactly(T + WINDOW);

        for (int ms = 1; ms <= 250; ms++) {
            clock.advance(1);
            long id = gen.nextId();
            assertThat(store.load()).isGreaterThanOrEqualTo(gen.timestampMillisOf(id));
        }

        // A new ceiling only when a timestamp passes the previous one.
        assertThat(store.persisted()).containsExactly(T + WINDOW, T + 101 + WINDOW, T + 202 + WINDOW);
    }

    @Test
    void restartOnAClockBehindTheCeilingByMoreThanTheToleranceRefuses() {
        InMemoryHighWaterMarkStore store = new InMemoryHighWaterMarkStore(T + WINDOW);
        SnowflakeGenerator gen = generator(new ManualClock(T), 50, store);

        assertThatThrownBy(gen::nextId)
                .isInstanceOfSatisfying(ClockMovedBackwardsException.class, e -> {
                    assertThat(e.driftMillis()).isEqualTo(WINDOW);
                    assertThat(e.retryAfterMillis()).isEqualTo(WINDOW + 1);
                });
        assertThat(store.load()).isEqualTo(T + WINDOW);
    }

    @Test
    void restartOnAClockBehindTheCeilingWithinToleranceWaitsUntilPastIt() {
        long ceiling = T + WINDOW;
        ScriptedClock clock = ScriptedClock.readingsThenTicking(ceiling - 3);
        SnowflakeGenerator gen = generator(clock, 5, new InMemoryHighWaterMarkStore(ceiling));

        long id = gen.nextId();

        assertThat(gen.timestampMillisOf(id)).isEqualTo(ceiling + 1);
        assertThat(gen.decode(id).sequence()).isZero();
        assertThat(gen.lastTimestampMillis()).isEqualTo(ceiling + 1);
    }

    @Test
    void restartAtTheCeilingMillisecondStillNeedsALaterTimestamp() {
        long ceiling = T + WINDOW;
        ScriptedClock clock = ScriptedClock.holdingThenNext(ceiling, 10);
        SnowflakeGenerator gen = generator(clock, 0, new InMemoryHighWaterMarkStore(ceiling));

        assertThat(gen.lastTimestampMillis()).isEqualTo(ceiling);
        assertThat(gen.timestampMillisOf(gen.nextId())).isEqualTo(ceiling + 1);
    }

    @Test
    void restartedGeneratorOnALaggingClockNeverReissuesEarlierIds() {
        InMemoryHighWaterMarkStore store = new InMemoryHighWaterMarkStore();
        ManualClock firstClock = new ManualClock(T);
        SnowflakeGenerator first = generator(firstClock, 5, store);
        List<Long> before = new ArrayList<>();
        for (int ms = 0; ms < 10; ms++) {
            before.add(first.nextId());
            before.add(first.nextId());
            firstClock.advance(1);
        }

        // "Restart" with the same worker ID on a clock that jumped back to where the first run began.
        SnowflakeGenerator restarted = generator(ScriptedClock.readingsThenTicking(T), 1_000, store);
        long id = restarted.nextId();

        assertThat(id).isGreaterThan(before.get(before.size() - 1)).isNotIn(before);
        assertThat(restarted.timestampMillisOf(id)).isGreaterThan(T + WINDOW);
    }

    @Test
    void failingPersistIssuesNoIdAndLeavesStateAlone() {
        ManualClock clock = new ManualClock(T);
        RecordingHighWaterMarkStore store = new RecordingHighWaterMarkStore();
        SnowflakeGenerator gen = generator(clock, 5, store);
        store.setFailing(true);

        assertThatThrownBy(gen::nextId)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("simulated high-water mark store outage");
        assertThat(gen.lastTimestampMillis()).isEqualTo(EPOCH - 1);
        assertThat(store.load()).isZero();

        store.setFailing(false);
        long id = gen.nextId();

        assertThat(gen.timestampMillisOf(id)).isEqualTo(T);
        assertThat(store.persisted()).containsExactly(T + WINDOW);
    }

    @Test
    void outageOnlyBlocksIdsThatNeedANewReservation() {
        ManualClock clock = new ManualClock(T);
        RecordingHighWaterMarkStore store = new RecordingHighWaterMarkStore();
        SnowflakeGenerator gen = generator(clock, 5, store);
        gen.nextId(); // reserves up to T + WINDOW
        store.setFailing(true);

        clock.set(T + WINDOW);
        long stillCovered = gen.nextId();
        clock.set(T + WINDOW + 1);

        assertThat(gen.timestampMillisOf(stillCovered)).isEqualTo(T + WINDOW);
        assertThatThrownBy(gen::nextId).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> gen.nextIds(10)).isInstanceOf(IllegalStateException.class);
        assertThat(gen.lastTimestampMillis()).isEqualTo(T + WINDOW);
    }

    @Test
    void ceilingBeyondTheLayoutsLastTimestampIsRejectedAtConstruction() {
        IdLayout shortLived = new IdLayout(30, 13, 20);
        HighWaterMarkStore store = new InMemoryHighWaterMarkStore(EPOCH + shortLived.maxTimestamp() + 1);

        assertThatThrownBy(() -> new SnowflakeGenerator(shortLived, EPOCH, 1, new ManualClock(T), 5, store, WINDOW))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("high-water mark");
    }

    @Test
    void ceilingBeforeTheEpochDoesNotBlockTheFirstId() {
        SnowflakeGenerator gen = generator(new ManualClock(EPOCH), 5, new InMemoryHighWaterMarkStore(EPOCH - 500));

        assertThat(gen.timestampMillisOf(gen.nextId())).isEqualTo(EPOCH);
    }
}
