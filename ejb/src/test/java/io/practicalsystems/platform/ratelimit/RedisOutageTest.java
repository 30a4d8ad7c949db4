package io.practicalsystems.platform.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RedisOutageTest {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final RedisOutage outage = new RedisOutage(Duration.ofSeconds(1), Duration.ofSeconds(30), nanos::get);
    private final RuntimeException refused = new RuntimeException("Connection refused");

    private void advance(Duration d) {
        nanos.addAndGet(d.toNanos());
    }

    @Test
    void healthyRedisIsAlwaysAskedAndNothingIsLogged() {
        assertThat(outage.skipRedis()).isFalse();
        assertThat(outage.succeeded()).isEmpty();
        assertThat(outage.isDown()).isFalse();
    }

    @Test
    void afterAFailureRedisIsSkippedForTheBackoffThenTriedAgain() {
        assertThat(outage.failed(refused)).isPresent();
        assertThat(outage.skipRedis()).isTrue();
        advance(Duration.ofMillis(999));
        assertThat(outage.skipRedis()).isTrue();
        advance(Duration.ofMillis(1));
        assertThat(outage.skipRedis()).isFalse();
    }

    @Test
    void atMostOneWarningPerIntervalCountingWhatWasSuppressed() {
        Optional<String> first = outage.failed(refused);
        assertThat(first).hasValueSatisfying(line -> assertThat(line)
                .contains("Redis unavailable", "failing OPEN", "Connection refused"));
        for (int i = 0; i < 29; i++) {
            advance(Duration.ofSeconds(1));
            assertThat(outage.failed(refused)).isEmpty();
        }
        advance(Duration.ofSeconds(1));
        assertThat(outage.failed(refused)).hasValueSatisfying(line -> assertThat(line)
                .contains("still unavailable", "29 further failure(s) not logged"));
    }

    @Test
    void recoveryIsLoggedOnceWithTheNumberOfUncheckedRequests() {
        outage.failed(refused);
        outage.skipRedis();
        outage.skipRedis();
        advance(Duration.ofSeconds(2));
        assertThat(outage.skipRedis()).isFalse();
        assertThat(outage.succeeded()).hasValueSatisfying(line -> assertThat(line)
                .contains("available again", "3 request(s)"));
        assertThat(outage.isDown()).isFalse();
        assertThat(outage.succeeded()).isEmpty();
    }

    @Test
    void aFlappingRedisStillGetsAtMostOneWarningAndOneRecoveryLinePerInterval() {
        int warnings = 0;
        int recoveries = 0;
        for (int second = 0; second < 60; second++) {
            warnings += outage.failed(refused).isPresent() ? 1 : 0;
            advance(Duration.ofMillis(500));
            recoveries += outage.succeeded().isPresent() ? 1 : 0;
            advance(Duration.ofMillis(500));
        }
        assertThat(warnings).isEqualTo(2);
        assertThat(recoveries).isEqualTo(2);
    }
}
