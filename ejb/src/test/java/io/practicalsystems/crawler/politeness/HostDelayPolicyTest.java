package io.practicalsystems.crawler.politeness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HostDelayPolicyTest {

    private static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");

    private final HostDelayPolicy policy = new HostDelayPolicy(1_000, 30_000, 2_000, 60_000);

    @Test
    void successWaitsTheMinimumOrTheCappedCrawlDelay() {
        assertThat(policy.delayAfterSuccess(0)).isEqualTo(1_000);
        assertThat(policy.delayAfterSuccess(Long.MIN_VALUE)).isEqualTo(1_000); // crawler-commons' "unset"
        assertThat(policy.delayAfterSuccess(500)).isEqualTo(1_000);
        assertThat(policy.delayAfterSuccess(5_000)).isEqualTo(5_000);
        assertThat(policy.delayAfterSuccess(3_600_000)).isEqualTo(30_000);
    }

    @Test
    void errorsBackOffExponentiallyUpToTheCap() {
        assertThat(policy.delayAfterError(0, Optional.empty())).isEqualTo(2_000);
        assertThat(policy.delayAfterError(1, Optional.empty())).isEqualTo(2_000);
        assertThat(policy.delayAfterError(2, Optional.empty())).isEqualTo(4_000);
        assertThat(policy.delayAfterError(5, Optional.empty())).isEqualTo(32_000);
        assertThat(policy.delayAfterError(6, Optional.empty())).isEqualTo(60_000);
        assertThat(policy.delayAfterError(Integer.MAX_VALUE, Optional.empty())).isEqualTo(60_000);
    }

    @Test
    void retryAfterIsHonouredWhenLongerButCapped() {
        assertThat(policy.delayAfterError(1, Optional.of(Duration.ofSeconds(10)))).isEqualTo(10_000);
        assertThat(policy.delayAfterError(5, Optional.of(Duration.ofSeconds(10)))).isEqualTo(32_000);
        assertThat(policy.delayAfterError(1, Optional.of(Duration.ofDays(2)))).isEqualTo(60_000);
        assertThat(policy.delayAfterError(1, Optional.of(Duration.ofSeconds(Long.MAX_VALUE)))).isEqualTo(60_000);
        assertThat(new HostDelayPolicy(5_000, 0, 100, 1_000).delayAfterError(1, Optional.of(Duration.ZERO)))
                .isEqualTo(5_000);
    }

    @Test
    void readsRetryAfterAsSecondsOrHttpDate() {
        assertThat(HostDelayPolicy.retryAfterHeader("120", NOW)).contains(Duration.ofSeconds(120));
        assertThat(HostDelayPolicy.retryAfterHeader(" 0 ", NOW)).contains(Duration.ZERO);
        assertThat(HostDelayPolicy.retryAfterHeader("99999999999999999999", NOW)).contains(Duration.ofDays(366));
        assertThat(HostDelayPolicy.retryAfterHeader("Sat, 05 Dec 2026 10:01:30 GMT", NOW))
                .contains(Duration.ofSeconds(90));
        assertThat(HostDelayPolicy.retryAfterHeader("Sat, 05 Dec 2026 09:00:00 GMT", NOW)).contains(Duration.ZERO);
        assertThat(HostDelayPolicy.retryAfterHeader("soon", NOW)).isEmpty();
        assertThat(HostDelayPolicy.retryAfterHeader("-5", NOW)).isEmpty();
        assertThat(HostDelayPolicy.retryAfterHeader("", NOW)).isEmpty();
        assertThat(HostDelayPolicy.retryAfterHeader(null, NOW)).isEmpty();
    }

    @Test
    void rejectsInconsistentSettings() {
        assertThatThrownBy(() -> new HostDelayPolicy(-1, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HostDelayPolicy(0, 0, 10, 5)).isInstanceOf(IllegalArgumentException.class);
    }
}
