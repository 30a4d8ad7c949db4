package io.practicalsystems.shortener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class LinkExpiryTest {

    private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");
    private static final Duration MAX_TTL = LinkExpiry.DEFAULT_MAX_TTL;

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  ", "\t"})
    void noExpiryMeansNeverExpires(String iso) {
        assertThat(LinkExpiry.parse(iso, NOW, MAX_TTL)).isEmpty();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "2026-11-27T12:00:00.001Z, 2026-11-27T12:00:00.001Z",
            "2026-12-01T00:00:00Z, 2026-12-01T00:00:00Z",
            "2027-01-01T01:00:00+01:00, 2027-01-01T00:00:00Z",
            "' 2027-01-01T00:00:00Z ', 2027-01-01T00:00:00Z"
    })
    void acceptsFutureInstants(String iso, Instant expected) {
        assertThat(LinkExpiry.parse(iso, NOW, MAX_TTL)).contains(expected);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "2026-11-27T12:00:00Z     | must be in the future",
            "2026-11-27T11:59:59.999Z | must be in the future",
            "2020-01-01T00:00:00Z     | must be in the future",
            "2027-01-01               | ISO-8601",
            "2027-01-01T00:00:00      | ISO-8601",
            "tomorrow                 | ISO-8601",
            "1798761600               | ISO-8601"
    })
    void rejects(String iso, String reason) {
        assertThatThrownBy(() -> LinkExpiry.parse(iso, NOW, MAX_TTL))
                .isInstanceOfSatisfying(InvalidLinkException.class, e -> assertThat(e.field()).isEqualTo("expiresAt"))
                .hasMessageContaining(reason);
    }

    @Test
    void maxTtlIsInclusive() {
        Instant limit = NOW.plus(MAX_TTL);

        assertThat(LinkExpiry.parse(limit.toString(), NOW, MAX_TTL)).contains(limit);
        assertThatThrownBy(() -> LinkExpiry.parse(limit.plusMillis(1).toString(), NOW, MAX_TTL))
                .isInstanceOf(InvalidLinkException.class)
                .hasMessageContaining("at most 3650 days ahead");
        assertThatThrownBy(() -> LinkExpiry.parse("+20270-01-01T00:00:00Z", NOW, MAX_TTL))
                .isInstanceOf(InvalidLinkException.class)
                .hasMessageContaining("at most 3650 days ahead");
    }

    @Test
    void expiresAtTheExpiryInstant() {
        Optional<Instant> at = Optional.of(NOW);

        assertThat(LinkExpiry.isExpired(at, NOW.minusNanos(1))).isFalse();
        assertThat(LinkExpiry.isExpired(at, NOW)).isTrue();
        assertThat(LinkExpiry.isExpired(at, NOW.plusSeconds(1))).isTrue();
        assertThat(LinkExpiry.isExpired(Optional.empty(), Instant.MAX)).isFalse();
    }
}
