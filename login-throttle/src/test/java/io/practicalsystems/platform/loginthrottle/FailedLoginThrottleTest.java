package io.practicalsystems.platform.loginthrottle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class FailedLoginThrottleTest {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final FailedLoginThrottle throttle = new FailedLoginThrottle(3, Duration.ofSeconds(60), nanos::get);

    @Test
    void aClientMayFailUpToTheLimitThenWaitsForTheRestOfItsWindow() {
        throttle.recordFailure("ip:10.0.0.1");
        throttle.recordFailure("ip:10.0.0.1");
        assertThat(throttle.retryAfterSeconds("ip:10.0.0.1")).isEmpty();

        advance(Duration.ofSeconds(20));
        throttle.recordFailure("ip:10.0.0.1");

        assertThat(throttle.retryAfterSeconds("ip:10.0.0.1")).hasValue(40);
        advance(Duration.ofMillis(39_500));
        assertThat(throttle.retryAfterSeconds("ip:10.0.0.1")).hasValue(1);
        advance(Duration.ofMillis(500));
        assertThat(throttle.retryAfterSeconds("ip:10.0.0.1")).isEmpty();
    }

    @Test
    void theWindowEndsSixtySecondsAfterTheFirstFailureAndCountingStartsAgain() {
        for (int i = 0; i < 3; i++) {
            throttle.recordFailure("ip:10.0.0.1");
        }
        advance(Duration.ofSeconds(60));
        assertThat(throttle.retryAfterSeconds("ip:10.0.0.1")).isEmpty();

        throttle.recordFailure("ip:10.0.0.1");
        assertThat(throttle.retryAfterSeconds("ip:10.0.0.1")).isEmpty();
    }

    @Test
    void failuresCountPerClient() {
        for (int i = 0; i < 3; i++) {
            throttle.recordFailure("ip:10.0.0.1");
        }
        assertThat(throttle.retryAfterSeconds("ip:10.0.0.1")).isPresent();
        assertThat(throttle.retryAfterSeconds("ip:10.0.0.2")).isEmpty();
    }

    @Test
    void checksInProgressCountAgainstTheBudgetSoASimultaneousBurstGetsOnlyTheLimitChecked() {
        int allowed = 0;
        for (int i = 0; i < 10; i++) {
            if (throttle.begin("ip:10.0.0.1").isEmpty()) {
                allowed++;
            }
        }
        assertThat(allowed).isEqualTo(3);
        assertThat(throttle.begin("ip:10.0.0.1")).as("only checks in progress: try again shortly").hasValue(1);
        assertThat(throttle.begin("ip:10.0.0.2")).as("another client").isEmpty();

        for (int i = 0; i < 3; i++) {
            throttle.finish("ip:10.0.0.1", true);
        }
        assertThat(throttle.begin("ip:10.0.0.1")).hasValue(60);
        assertThat(throttle.retryAfterSeconds("ip:10.0.0.1")).hasValue(60);
    }

    @Test
    void aCorrectPasswordFreesItsSlotAndCountsNothing() {
        for (int i = 0; i < 5; i++) {
            assertThat(throttle.begin("ip:10.0.0.1")).isEmpty();
            throttle.finish("ip:10.0.0.1", false);
        }
        assertThat(throttle.begin("ip:10.0.0.1")).isEmpty();
        throttle.finish("ip:10.0.0.1", true);
        throttle.finish("ip:10.0.0.1", true); // a failure recorded without a begin (the filter's way) counts too
        assertThat(throttle.begin("ip:10.0.0.1")).isEmpty();
        throttle.finish("ip:10.0.0.1", true);

        assertThat(throttle.begin("ip:10.0.0.1")).isPresent();
    }

    @Test
    void theWindowOfBeginAndFinishEndsWithTheWindowOfTheFirstFailure() {
        for (int i = 0; i < 3; i++) {
            throttle.begin("ip:10.0.0.1");
            throttle.finish("ip:10.0.0.1", true);
            advance(Duration.ofSeconds(10));
        }
        assertThat(throttle.begin("ip:10.0.0.1")).hasValue(30);
        advance(Duration.ofSeconds(30));
        assertThat(throttle.begin("ip:10.0.0.1")).isEmpty();
    }

    @Test
    void refusesSettingsThatWouldNeverOrAlwaysBlock() {
        assertThatThrownBy(() -> new FailedLoginThrottle(0, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FailedLoginThrottle(1, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private void advance(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }
}
