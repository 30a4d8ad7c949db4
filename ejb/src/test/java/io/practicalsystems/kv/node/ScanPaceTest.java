package io.practicalsystems.kv.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ScanPaceTest {

    private static final Instant T0 = Instant.parse("2026-12-07T00:00:00Z");

    @Test
    void readsArePaidOffAtTheRateAndTheNextRangeWaitsForThem() {
        ScanPace pace = new ScanPace(1_000);
        assertThat(pace.waitAt(T0)).isZero();

        pace.charge(3_000, T0);

        assertThat(pace.waitAt(T0)).isEqualTo(Duration.ofSeconds(3));
        assertThat(pace.waitAt(T0.plusMillis(2_500))).isEqualTo(Duration.ofMillis(500));
        assertThat(pace.waitAt(T0.plusSeconds(3))).isZero();
    }

    @Test
    void chargesMadeBeforeTheDebtIsPaidAddUp() {
        ScanPace pace = new ScanPace(1_000);
        pace.charge(1_000, T0);
        pace.charge(500, T0.plusMillis(200)); // a concurrent range, read while the first one's debt ran

        assertThat(pace.waitAt(T0.plusMillis(200))).isEqualTo(Duration.ofMillis(1_300));
    }

    @Test
    void idleTimeIsNotSavedUpForALaterBurst() {
        ScanPace pace = new ScanPace(1_000);
        pace.charge(1_000, T0);

        pace.charge(2_000, T0.plusSeconds(60)); // a minute idle: the debt starts from now, not from T0 + 1 s

        assertThat(pace.waitAt(T0.plusSeconds(60))).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void zeroIsUnpacedAndANegativeRateOrCountIsRejected() {
        ScanPace unpaced = new ScanPace(0);
        unpaced.charge(1_000_000, T0);
        assertThat(unpaced.paced()).isFalse();
        assertThat(unpaced.waitAt(T0)).isZero();

        assertThatThrownBy(() -> new ScanPace(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("keysPerSecond");
        assertThatThrownBy(() -> new ScanPace(10).charge(-1, T0)).isInstanceOf(IllegalArgumentException.class);
    }
}
