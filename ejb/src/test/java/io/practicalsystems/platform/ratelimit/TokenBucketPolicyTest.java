package io.practicalsystems.platform.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TokenBucketPolicyTest {

    @Test
    void aValidPolicyKeepsItsValues() {
        TokenBucketPolicy p = new TokenBucketPolicy("create", 20, 0.2);
        assertThat(p.name()).isEqualTo("create");
        assertThat(p.capacity()).isEqualTo(20);
        assertThat(p.refillPerSecond()).isEqualTo(0.2);
        assertThat(p.millisToFill()).isEqualTo(100_000d);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Create", "-create", "a.b", "a b", "a:b", "ä"})
    void namesThatWouldBreakConfigKeysOrRedisKeysAreRejected(String name) {
        assertThatThrownBy(() -> new TokenBucketPolicy(name, 10, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("name");
    }

    @Test
    void nullNameAndTooLongNamesAreRejected() {
        assertThatThrownBy(() -> new TokenBucketPolicy(null, 10, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TokenBucketPolicy("a".repeat(65), 10, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new TokenBucketPolicy("a".repeat(64), 10, 1).name()).hasSize(64);
        assertThat(new TokenBucketPolicy("link-create-2", 10, 1).name()).isEqualTo("link-create-2");
    }

    @Test
    void capacityMustBeAtLeastOneAndBounded() {
        assertThatThrownBy(() -> new TokenBucketPolicy("x", 0, 1)).hasMessageContaining("capacity");
        assertThatThrownBy(() -> new TokenBucketPolicy("x", -5, 1)).hasMessageContaining("capacity");
        assertThatThrownBy(() -> new TokenBucketPolicy("x", TokenBucketPolicy.MAX_CAPACITY + 1, 1e6))
                .hasMessageContaining("capacity");
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, -1, Double.NaN, Double.POSITIVE_INFINITY, 2e9})
    void refillMustBePositiveAndFinite(double refill) {
        assertThatThrownBy(() -> new TokenBucketPolicy("x", 10, refill)).hasMessageContaining("refill-per-second");
    }

    @Test
    void aBucketThatTakesMoreThanAYearToFillIsRejected() {
        assertThatThrownBy(() -> new TokenBucketPolicy("x", 1000, 1e-5)).hasMessageContaining("366 days");
        assertThat(new TokenBucketPolicy("x", 1, 1d / (365 * 24 * 3600)).capacity()).isEqualTo(1);
    }

    @Test
    void theAnnouncedWindowIsTheTimeToFillRoundedUp() {
        assertThat(new TokenBucketPolicy("x", 60, 1).windowSeconds()).isEqualTo(60);
        assertThat(new TokenBucketPolicy("x", 20, 0.2).windowSeconds()).isEqualTo(100);
        assertThat(new TokenBucketPolicy("x", 10, 3).windowSeconds()).isEqualTo(4); // 3.33 s
        assertThat(new TokenBucketPolicy("x", 5, 1000).windowSeconds()).isEqualTo(1); // never 0
    }
}
