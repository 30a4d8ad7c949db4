package io.practicalsystems.crawler.politeness;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The delay before a host's next fetch. After a success it is the crawl's minimum delay or the host's robots.txt
 * Crawl-delay, whichever is longer, with Crawl-delay capped so that one host cannot stall a crawl. After an error
 * (429, 503, other 5xx, connection failures and timeouts) it grows exponentially with the host's consecutive errors,
 * from {@code backoffBaseMs} up to {@code backoffMaxMs}; a Retry-After the server sent is honoured, capped at
 * {@code backoffMaxMs} too. Never below the minimum delay.
 *
 * @param minDelayMs      the crawl's per-host minimum gap between fetches
 * @param maxCrawlDelayMs the longest robots.txt Crawl-delay honoured
 * @param backoffBaseMs   delay after the first consecutive error
 * @param backoffMaxMs    longest delay after errors, Retry-After included
 */
public record HostDelayPolicy(long minDelayMs, long maxCrawlDelayMs, long backoffBaseMs, long backoffMaxMs) {

    /** Longest delta-seconds value read from Retry-After before capping; keeps the arithmetic far from overflow. */
    private static final long MAX_RETRY_AFTER_SECONDS = 366L * 24 * 3600;

    public HostDelayPolicy {
        if (minDelayMs < 0 || maxCrawlDelayMs < 0 || backoffBaseMs < 0 || backoffMaxMs < backoffBaseMs) {
            throw new IllegalArgumentException("Delays must not be negative and the longest backoff must not be "
                    + "shorter than the first.");
        }
    }

    /** 1 s minimum delay, Crawl-delay up to 30 s, backoff from 2 s doubling up to 10 min. */
    public static HostDelayPolicy defaults() {
        return new HostDelayPolicy(1_000, 30_000, 2_000, 600_000);
    }

    /**
     * Delay after a successful fetch.
     *
     * @param crawlDelayMs the host's robots.txt Crawl-delay in milliseconds; zero or negative when it sets none
     */
    public long delayAfterSuccess(long crawlDelayMs) {
        return Math.max(minDelayMs, Math.min(Math.max(crawlDelayMs, 0), maxCrawlDelayMs));
    }

    /**
     * Delay after a failed fetch: {@code backoffBaseMs * 2^(consecutiveErrors - 1)} capped at {@code backoffMaxMs},
     * or the server's Retry-After (capped at {@code backoffMaxMs}) when that is longer.
     *
     * @param consecutiveErrors the host's errors in a row, this one included (values below 1 count as 1)
     */
    public long delayAfterError(int consecutiveErrors, Optional<Duration> retryAfter) {
        int doublings = Math.min(Math.max(consecutiveErrors, 1) - 1, 62);
        long backoff = backoffBaseMs > (backoffMaxMs >> doublings) ? backoffMaxMs : backoffBaseMs << doublings;
        long requested = retryAfter.map(d -> d.isNegative() ? 0L : Math.min(toMillisSaturated(d), backoffMaxMs))
                .orElse(0L);
        return Math.max(minDelayMs, Math.max(Math.min(backoff, backoffMaxMs), requested));
    }

    /**
     * Reads a Retry-After header (RFC 9110 section 10.2.3): delta-seconds, or an HTTP-date in the IMF-fixdate form
     * ({@code Sun, 06 Nov 1994 08:49:37 GMT}). A date in the past gives zero. Empty when the header is absent or
     * unreadable (the caller then just backs off).
     */
    public static Optional<Duration> retryAfterHeader(String value, Instant now) {
        if (value == null || value.isBlank() || value.length() > 64) {
            return Optional.empty();
        }
        String trimmed = value.strip();
        if (trimmed.chars().allMatch(c -> c >= '0' && c <= '9')) {
            long seconds = trimmed.length() > 10 ? MAX_RETRY_AFTER_SECONDS
                    : Math.min(Long.parseLong(trimmed), MAX_RETRY_AFTER_SECONDS);
            return Optional.of(Duration.ofSeconds(seconds));
        }
        try {
            Instant at = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration wait = Duration.between(now, at);
            return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static long toMillisSaturated(Duration d) {
        try {
            return d.toMillis();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }
}
