package io.practicalsystems.shortener;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;

/**
 * When a link stops redirecting. Links without an expiry live forever; with one, it must be in the future (an
 * already-expired link is certainly a client mistake) and within a maximum time-to-live, so that a typo such as year
 * 20270 is caught and the store never holds dates that overflow other systems.
 */
public final class LinkExpiry {

    public static final String FIELD = "expiresAt";
    public static final Duration DEFAULT_MAX_TTL = Duration.ofDays(3650);

    private LinkExpiry() {
    }

    /**
     * @param iso    an ISO-8601 instant with a zone offset, e.g. {@code 2027-01-01T00:00:00Z} or
     *               {@code 2027-01-01T01:00:00+01:00}; null or blank means "never expires"
     * @param now    the current time (passed in so tests need no real clock)
     * @param maxTtl how far ahead of {@code now} the expiry may be, inclusive
     * @throws InvalidLinkException with field {@value #FIELD} if unparseable, not after {@code now}, or too far out
     */
    public static Optional<Instant> parse(String iso, Instant now, Duration maxTtl) {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(maxTtl, "maxTtl");
        if (iso == null || iso.isBlank()) {
            return Optional.empty();
        }
        Instant expiresAt;
        try {
            expiresAt = Instant.parse(iso.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidLinkException(FIELD,
                    "must be an ISO-8601 instant with an offset, e.g. 2027-01-01T00:00:00Z, got '" + iso + "'");
        }
        if (!expiresAt.isAfter(now)) {
            throw new InvalidLinkException(FIELD, "must be in the future, got " + expiresAt + " (now " + now + ")");
        }
        if (Duration.between(now, expiresAt).compareTo(maxTtl) > 0) {
            throw new InvalidLinkException(FIELD, "must be at most " + maxTtl.toDays() + " days ahead, got "
                    + expiresAt);
        }
        return Optional.of(expiresAt);
    }

    /** Expired from the expiry instant on ({@code now >= expiresAt}); a link without an expiry never expires. */
    public static boolean isExpired(Optional<Instant> expiresAt, Instant now) {
        Objects.requireNonNull(now, "now");
        return expiresAt.map(at -> !now.isBefore(at)).orElse(false);
    }
}
