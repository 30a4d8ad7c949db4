package io.practicalsystems.crawler.robots;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import io.practicalsystems.crawler.robots.RobotsDecision.Kind;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Turns the outcome of fetching a host's robots.txt into a {@link RobotsDecision}, following Google's documented
 * handling (developers.google.com/search/docs/crawling-indexing/robots/robots_txt):
 * <ul>
 * <li>2xx: the file is parsed by crawler-commons for our user-agent token; only its first 500 KiB is read.</li>
 * <li>3xx: the caller follows redirects itself, up to 5 hops; a 3xx that still reaches this class means more hops
 * than that, which Google treats like a 404: allow all.</li>
 * <li>4xx other than 429 (404, 403, 410…): as if there were no robots.txt: allow all.</li>
 * <li>429, 5xx, other statuses, timeouts and connection failures: disallow everything for now and fetch robots.txt
 * again after {@code retryAfterFailure}.</li>
 * </ul>
 * A Crawl-delay above the cap is capped rather than obeyed (crawler-commons would otherwise disallow the whole site).
 * Thread-safe: a fresh crawler-commons parser is used per call, as the parser keeps per-parse state.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9309">RFC 9309</a>
 */
public final class RobotsPolicy {

    /** Google reads the first 500 KiB of a robots.txt and ignores the rest (RFC 9309 asks for at least 500 KiB). */
    public static final int MAX_ROBOTS_BYTES = 500 * 1024;

    private final Duration cacheTtl;
    private final Duration retryAfterFailure;
    private final long maxCrawlDelayMs;

    /**
     * @param cacheTtl          how long a parsed or allow-all decision is kept (Google: usually up to 24 hours)
     * @param retryAfterFailure how long a disallow-all decision after a failure is kept before robots.txt is tried again
     * @param maxCrawlDelayMs   the longest Crawl-delay honoured
     */
    public RobotsPolicy(Duration cacheTtl, Duration retryAfterFailure, long maxCrawlDelayMs) {
        if (cacheTtl.isNegative() || cacheTtl.isZero() || retryAfterFailure.isNegative() || retryAfterFailure.isZero()
                || maxCrawlDelayMs < 0) {
            throw new IllegalArgumentException("robots.txt cache and retry times must be positive and the Crawl-delay "
                    + "cap not negative.");
        }
        this.cacheTtl = cacheTtl;
        this.retryAfterFailure = retryAfterFailure;
        this.maxCrawlDelayMs = maxCrawlDelayMs;
    }

    /** 24 h cache, retry after 10 min on failure, Crawl-delay capped at 30 s. */
    public static RobotsPolicy defaults() {
        return new RobotsPolicy(Duration.ofHours(24), Duration.ofMinutes(10), 30_000);
    }

    /**
     * The decision for a robots.txt response (after the caller followed up to 5 redirects).
     *
     * @param status          the final HTTP status
     * @param body            the body ({@code null} or empty means no rules); only the first 500 KiB are read
     * @param contentType     the Content-Type header, or {@code null}
     * @param robotsUrl       the robots.txt URL, for crawler-commons' messages
     * @param userAgentToken  our product token, as matched against {@code User-agent:} lines (e.g. "practicalbot"),
     *                        or the whole User-Agent header, whose leading token is used ({@link #productToken})
     */
    public RobotsDecision fromResponse(int status, byte[] body, String contentType, String robotsUrl,
                                       String userAgentToken) {
        if (status >= 200 && status < 300) {
            return parse(body, contentType, robotsUrl, userAgentToken);
        }
        if ((status >= 300 && status < 400) || (status >= 400 && status < 500 && status != 429)) {
            return RobotsDecision.allowAll(cacheTtl.toMillis(), "robots.txt answered " + status + ": no rules apply");
        }
        return RobotsDecision.disallowAll(retryAfterFailure.toMillis(), "robots.txt answered " + status
                + ": nothing is fetched until it is readable");
    }

    /**
     * The decision when robots.txt could not be fetched at all (timeout, connection refused, DNS failure, a refused
     * address): disallow all and retry later.
     *
     * @param failure a short description of what went wrong, e.g. "connect timed out"
     */
    public RobotsDecision fromFailure(String failure) {
        return RobotsDecision.disallowAll(retryAfterFailure.toMillis(), "robots.txt could not be fetched ("
                + failure + "): nothing is fetched until it is readable");
    }

    /**
     * The product token robots.txt groups are matched against (RFC 9309 section 2.2.1: letters, "_" and "-"), lower
     * case: the leading run of those characters, so {@code "PracticalBot/0.1 (+https://example.com/bot)"} gives
     * {@code "practicalbot"}. Empty when there is none; then only the {@code User-agent: *} group applies.
     */
    public static String productToken(String userAgent) {
        String trimmed = userAgent == null ? "" : userAgent.strip();
        int end = 0;
        while (end < trimmed.length() && isTokenChar(trimmed.charAt(end))) {
            end++;
        }
        return trimmed.substring(0, end).toLowerCase(Locale.ROOT);
    }

    private static boolean isTokenChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '-';
    }

    private RobotsDecision parse(byte[] body, String contentType, String robotsUrl, String userAgentToken) {
        byte[] content = body == null ? new byte[0]
                : body.length > MAX_ROBOTS_BYTES ? Arrays.copyOf(body, MAX_ROBOTS_BYTES) : body;
        SimpleRobotRulesParser parser = new SimpleRobotRulesParser(Long.MAX_VALUE,
                SimpleRobotRulesParser.DEFAULT_MAX_WARNINGS);
        BaseRobotRules rules = parser.parseContent(robotsUrl, content, contentType,
                List.of(productToken(userAgentToken)));
        long crawlDelay = rules.getCrawlDelay() == BaseRobotRules.UNSET_CRAWL_DELAY ? 0
                : Math.min(Math.max(rules.getCrawlDelay(), 0), maxCrawlDelayMs);
        return new RobotsDecision(Kind.PARSED, rules, crawlDelay, cacheTtl.toMillis(), 0, "robots.txt parsed");
    }
}
