package io.practicalsystems.crawler.fetch;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.apache.hc.client5.http.utils.DateUtils;

/** The Retry-After header (RFC 9110 §10.2.3): delay-seconds or an HTTP date, as a delay from now. */
final class RetryAfter {

    private RetryAfter() {
    }

    static Optional<Duration> parse(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String text = value.trim();
        if (text.chars().allMatch(Character::isDigit)) {
            try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(text)));
            } catch (NumberFormatException tooLarge) {
                return Optional.of(Duration.ofSeconds(Long.MAX_VALUE / 1_000_000_000L));
            }
        }
        Instant at = DateUtils.parseStandardDate(text);
        if (at == null) {
            return Optional.empty();
        }
        Duration delay = Duration.between(now, at);
        return Optional.of(delay.isNegative() ? Duration.ZERO : delay);
    }
}
