package io.practicalsystems.kv.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.practicalsystems.kv.ring.NodeId;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Expected values computed independently from {@code log10(1 + e^z)}, {@code z = y(1.5976 + 0.070566 y²)}. */
class PhiAccrualFailureDetectorTest {

    private static final NodeId A = NodeId.of("a");
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final double EXACT = 1e-9;

    /** No pause, a low deviation floor: the bare distribution. */
    private static PhiAccrualFailureDetector.Settings bare(int window, long minStdMillis, long pauseMillis) {
        return new PhiAccrualFailureDetector.Settings(window, Duration.ofMillis(minStdMillis),
                Duration.ofMillis(pauseMillis), Duration.ofSeconds(1), 5.0, 12.0);
    }

    private static Instant at(long millis) {
        return T0.plusMillis(millis);
    }

    @Test
    void phiIsLog10OfTwoExactlyAtTheMeanAndGrowsBeyondIt() {
        assertThat(PhiAccrualFailureDetector.phi(1000, 1000, 250)).isCloseTo(Math.log10(2), within(EXACT));
        assertThat(PhiAccrualFailureDetector.phi(1500, 1000, 250)).isCloseTo(1.6428278854871121, within(EXACT));
        assertThat(PhiAccrualFailureDetector.phi(500, 1000, 250)).isCloseTo(0.009998761629963094, within(EXACT));
    }

    @Test
    void phiStaysFiniteHoursAfterTheLastHeartbeat() {
        double hour = PhiAccrualFailureDetector.phi(3_600_000, 1000, 250);

        assertThat(hour).isFinite().isCloseTo(9.143350600384392E10, within(1.0));
        assertThat(PhiAccrualFailureDetector.phi(3_600_001, 1000, 250)).isGreaterThan(hour);
    }

    @Test
    void firstHeartbeatBootstrapsWithTheEstimatePlusMinusAQuarter() {
        PhiAccrualFailureDetector detector = new PhiAccrualFailureDetector(bare(1000, 100, 0));

        detector.heartbeat(A, at(0));

        // window {750, 1250}: mean 1000, deviation 250
        assertThat(detector.phi(A, at(1000))).isCloseTo(Math.log10(2), within(EXACT));
        assertThat(detector.phi(A, at(1500))).isCloseTo(1.6428278854871121, within(EXACT));
    }

    @Test
    void meanAndDeviationComeFromTheMeasuredIntervals() {
        PhiAccrualFailureDetector detector = new PhiAccrualFailureDetector(bare(1000, 100, 0));
        for (long t = 0; t <= 3000; t += 1000) {
            detector.heartbeat(A, at(t));
        }

        // window {750, 1250, 1000, 1000, 1000}: mean 1000, variance 25000, deviation 158.11...
        assertThat(detector.phi(A, at(4000))).isCloseTo(Math.log10(2), within(EXACT));
        assertThat(detector.phi(A, at(4500))).isCloseTo(3.1635026974387195, within(EXACT));
    }

    @Test
    void minimumDeviationFlattensTheCurve() {
        PhiAccrualFailureDetector detector = new PhiAccrualFailureDetector(bare(1000, 500, 0));

        detector.heartbeat(A, at(0));

        assertThat(detector.phi(A, at(1500))).isCloseTo(0.7995083208395597, within(EXACT)); // y = 1, not 2
    }

    @Test
    void acceptablePauseShiftsTheMean() {
        PhiAccrualFailureDetector detector = new PhiAccrualFailureDetector(bare(1000, 100, 2000));

        detector.heartbeat(A, at(0));

        assertThat(detector.phi(A, at(3000))).isCloseTo(Math.log10(2), within(EXACT));
        assertThat(detector.phi(A, at(4500))).isCloseTo(10.782600858295705, within(EXACT)); // y = 6
    }

    @Test
    void theWindowKeepsOnlyTheNewestIntervals() {
        PhiAccrualFailureDetector detector = new PhiAccrualFailureDetector(bare(3, 100, 0));
        detector.heartbeat(A, at(0)); // {750, 1250}
        detector.heartbeat(A, at(1000)); // {750, 1250, 1000}
        detector.heartbeat(A, at(3000)); // {1250, 1000, 2000}: mean 1416.67, deviation 424.92

        assertThat(detector.phi(A, at(5000))).isCloseTo(1.0703836724920417, within(EXACT));
    }

    @Test
    void theIntervalThatEndsADeadPeriodIsNotLearned() {
        PhiAccrualFailureDetector detector = new PhiAccrualFailureDetector(bare(1000, 100, 0));
        detector.heartbeat(A, at(0));
        assertThat(detector.reachability(A, at(60_000))).isEqualTo(Reachability.DEAD);

        detector.heartbeat(A, at(60_000)); // back after a minute: not a sample of its rhythm

        assertThat(detector.reachability(A, at(60_000))).isEqualTo(Reachability.ALIVE);
        assertThat(detector.phi(A, at(61_500))).isCloseTo(1.6428278854871121, within(EXACT)); // still {750, 1250}
    }

    @Test
    void anArrivalNoLaterThanThePreviousAddsNothing() {
        PhiAccrualFailureDetector detector = new PhiAccrualFailureDetector(bare(1000, 100, 0));
        detector.heartbeat(A, at(1000));

        detector.heartbeat(A, at(1000));
        detector.heartbeat(A, at(400));

        assertThat(detector.phi(A, at(2500))).isCloseTo(1.6428278854871121, within(EXACT));
    }

    @Test
    void restartForgetsTheHistory() {
        PhiAccrualFailureDetector detector = new PhiAccrualFailureDetector(bare(1000, 100, 0));
        for (long t = 0; t <= 3000; t += 1000) {
            detector.heartbeat(A, at(t));
        }

        detector.restart(A, at(3000));

        assertThat(detector.phi(A, at(4500))).isCloseTo(1.6428278854871121, within(EXACT));
    }

    @Test
    void verdictsFollowTheThresholds() {
        PhiAccrualFailureDetector detector = new PhiAccrualFailureDetector(
                PhiAccrualFailureDetector.Settings.defaults());
        detector.heartbeat(A, at(0));

        // defaults: mean 1000 + pause 3000, deviation floored at 500
        assertThat(detector.reachability(A, at(6050))).isEqualTo(Reachability.ALIVE); // phi 4.96
        assertThat(detector.reachability(A, at(6100))).isEqualTo(Reachability.SUSPECT); // phi 5.19
        assertThat(detector.reachability(A, at(7100))).isEqualTo(Reachability.SUSPECT); // phi 11.61
        assertThat(detector.reachability(A, at(7150))).isEqualTo(Reachability.DEAD); // phi 12.03
    }

    @Test
    void unknownNodesAreNotSuspected() {
        PhiAccrualFailureDetector detector = new PhiAccrualFailureDetector(
                PhiAccrualFailureDetector.Settings.defaults());

        assertThat(detector.phi(A, at(1_000_000))).isZero();
        assertThat(detector.isMonitoring(A)).isFalse();
        detector.heartbeat(A, at(0));
        assertThat(detector.isMonitoring(A)).isTrue();
        detector.remove(A);
        assertThat(detector.isMonitoring(A)).isFalse();
    }

    @Test
    void settingsRejectNonsense() {
        assertThatThrownBy(() -> bare(0, 100, 0)).hasMessage("maxSampleSize must be >= 1, got 0");
        assertThatThrownBy(() -> bare(10, 0, 0)).hasMessageStartingWith("minStdDeviation must be >= 1ms");
        assertThatThrownBy(() -> bare(10, 100, -1)).hasMessageStartingWith("acceptableHeartbeatPause must be >= 0");
        assertThatThrownBy(() -> PhiAccrualFailureDetector.Settings.defaults().withThresholds(8, 5))
                .hasMessage("thresholds must satisfy 0 < suspectPhi <= deadPhi < infinity, got 8.0 and 5.0");
    }
}
