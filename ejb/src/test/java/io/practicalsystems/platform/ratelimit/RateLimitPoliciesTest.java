package io.practicalsystems.platform.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RateLimitPoliciesTest {

    private final Map<String, String> config = new HashMap<>();
    private final AtomicInteger lookups = new AtomicInteger();
    private final RateLimitPolicies policies = new RateLimitPolicies(key -> {
        lookups.incrementAndGet();
        return Optional.ofNullable(config.get(key));
    });

    @Test
    void withNothingConfiguredEveryNameGetsTheBuiltInDefault() {
        assertThat(policies.get("create")).isEqualTo(new TokenBucketPolicy("create", 60, 1.0));
    }

    @Test
    void perNameValuesWinOverTheDefaultOnes() {
        config.put("ps.ratelimit.default.capacity", "100");
        config.put("ps.ratelimit.default.refill-per-second", "10");
        config.put("ps.ratelimit.create.capacity", "20");
        config.put("ps.ratelimit.create.refill-per-second", " 0.2 ");
        config.put("ps.ratelimit.redirect.refill-per-second", "50");
        assertThat(policies.get("create")).isEqualTo(new TokenBucketPolicy("create", 20, 0.2));
        assertThat(policies.get("redirect")).isEqualTo(new TokenBucketPolicy("redirect", 100, 50));
        assertThat(policies.get("other")).isEqualTo(new TokenBucketPolicy("other", 100, 10));
    }

    @Test
    void configurationIsReadOncePerName() {
        policies.get("create");
        int after = lookups.get();
        policies.get("create");
        policies.get("create");
        assertThat(lookups.get()).isEqualTo(after);
    }

    @Test
    void badValuesFailLoudlyNamingTheKeyAndItsEnvironmentVariable() {
        config.put("ps.ratelimit.create.capacity", "twenty");
        assertThatThrownBy(() -> policies.get("create"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ps.ratelimit.create.capacity")
                .hasMessageContaining("PS_RATELIMIT_CREATE_CAPACITY");

        config.put("ps.ratelimit.redirect.refill-per-second", "0");
        assertThatThrownBy(() -> policies.get("redirect"))
                .hasMessageContaining("refill-per-second")
                .hasMessageContaining("PS_RATELIMIT_REDIRECT_REFILL_PER_SECOND");

        config.put("ps.ratelimit.default.capacity", "1.5");
        assertThatThrownBy(() -> policies.get("other")).hasMessageContaining("ps.ratelimit.default.capacity");
    }

    @Test
    void invalidNamesAreRejectedBeforeAnyLookup() {
        assertThatThrownBy(() -> policies.get("Create")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> policies.get(null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(lookups.get()).isZero();
    }

    @Test
    void environmentVariableNamesFollowMicroProfileConfigMapping() {
        assertThat(RateLimitPolicies.envName("ps.ratelimit.link-create.refill-per-second"))
                .isEqualTo("PS_RATELIMIT_LINK_CREATE_REFILL_PER_SECOND");
    }

    @Test
    void fixedPoliciesForTests() {
        RateLimitPolicies fixed = RateLimitPolicies.of(new TokenBucketPolicy("a", 3, 0.5));
        assertThat(fixed.get("a")).isEqualTo(new TokenBucketPolicy("a", 3, 0.5));
        assertThat(fixed.get("b").capacity()).isEqualTo(RateLimitPolicies.DEFAULT_CAPACITY);
    }
}
