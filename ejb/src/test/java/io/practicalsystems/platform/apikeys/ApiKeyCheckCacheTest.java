package io.practicalsystems.platform.apikeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The cache with a fake clock and a map as the database: how long a revoked key can still pass, exactly. */
class ApiKeyCheckCacheTest {

    private final AtomicLong nanos = new AtomicLong();
    private final Map<String, ApiKeyCheck> database = new HashMap<>();
    private final AtomicInteger lookups = new AtomicInteger();
    private final ApiKeyCheckCache cache = new ApiKeyCheckCache(Duration.ofSeconds(10), 100, nanos::get);

    private ApiKeyCheck lookUp(String hash) {
        lookups.incrementAndGet();
        return database.getOrDefault(hash, ApiKeyCheck.UNKNOWN);
    }

    @Test
    void aCheckIsRememberedForTheTtlSoAHotKeyCostsOneLookup() {
        database.put("h1", ApiKeyCheck.valid("id1"));
        assertThat(cache.cached("h1")).isEmpty();
        assertThat(cache.load("h1", this::lookUp)).isEqualTo(ApiKeyCheck.valid("id1"));
        advance(Duration.ofSeconds(9));
        assertThat(cache.cached("h1")).contains(ApiKeyCheck.valid("id1"));
        assertThat(lookups).hasValue(1);
    }

    @Test
    void aKeyRevokedElsewhereStopsPassingWhenItsEntryExpires() {
        database.put("h1", ApiKeyCheck.valid("id1"));
        cache.load("h1", this::lookUp);
        database.put("h1", ApiKeyCheck.revoked("id1")); // another server revoked it
        advance(Duration.ofSeconds(9));
        assertThat(cache.cached("h1")).as("within the bound: still the old answer").contains(ApiKeyCheck.valid("id1"));
        advance(Duration.ofSeconds(1));
        assertThat(cache.cached("h1")).as("at the bound: gone").isEmpty();
        assertThat(cache.load("h1", this::lookUp).outcome()).isEqualTo(ApiKeyCheck.Outcome.REVOKED);
    }

    @Test
    void theRevokingServerForgetsAtOnce() {
        database.put("h1", ApiKeyCheck.valid("id1"));
        cache.load("h1", this::lookUp);
        cache.forget("h1");
        assertThat(cache.cached("h1")).isEmpty();
    }

    @Test
    void unknownKeysAreRememberedToo() {
        assertThat(cache.load("nope", this::lookUp)).isEqualTo(ApiKeyCheck.UNKNOWN);
        assertThat(cache.cached("nope")).contains(ApiKeyCheck.UNKNOWN);
    }

    @Test
    void aZeroTtlRemembersNothing() {
        ApiKeyCheckCache uncached = new ApiKeyCheckCache(Duration.ZERO, 100, nanos::get);
        database.put("h1", ApiKeyCheck.valid("id1"));
        uncached.load("h1", this::lookUp);
        assertThat(uncached.cached("h1")).isEmpty();
    }

    @Test
    void badSettingsAreRefused() {
        assertThatThrownBy(() -> new ApiKeyCheckCache(Duration.ofSeconds(-1), 100, nanos::get))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ApiKeyCheckCache(Duration.ofSeconds(1), 0, nanos::get))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private void advance(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }
}
