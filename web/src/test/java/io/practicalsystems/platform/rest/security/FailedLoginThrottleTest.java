package io.practicalsystems.platform.rest.security;

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
