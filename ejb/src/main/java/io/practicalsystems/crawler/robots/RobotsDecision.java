package io.practicalsystems.crawler.robots;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRules;
import crawlercommons.robots.SimpleRobotRules.RobotRulesMode;
import java.util.List;

/**
 * What a host's robots.txt (or the failure to fetch it) means for the crawl, until {@link #expiresAfterMs()}.
 * Immutable and thread-safe once made.
 */
public final class RobotsDecision {

    /** How the decision came about. */
    public enum Kind {
        /** robots.txt was fetched (2xx) and its rules apply. */
        PARSED,
        /** robots.txt does not exist or is not readable by anyone (4xx other than 429, too many redirects). */
        ALLOW_ALL,
        /** robots.txt could not be fetched for now (429, 5xx, timeout, connection failure): fetch nothing, retry. */
        DISALLOW_ALL
    }

    private final Kind kind;
    private final BaseRobotRules rules;
    private final long crawlDelayMs;
    private final long expiresAfterMs;
    private final long retryAfterMs;
    private final String reason;

    RobotsDecision(Kind kind, BaseRobotRules rules, long crawlDelayMs, long expiresAfterMs, long retryAfterMs,
                   String reason) {
        this.kind = kind;
        this.rules = rules;
        this.crawlDelayMs = crawlDelayMs;
        this.expiresAfterMs = expiresAfterMs;
        this.retryAfterMs = retryAfterMs;
        this.reason = reason;
    }

    static RobotsDecision allowAll(long expiresAfterMs, String reason) {
        return new RobotsDecision(Kind.ALLOW_ALL, new SimpleRobotRules(RobotRulesMode.ALLOW_ALL), 0, expiresAfterMs,
                0, reason);
    }

    static RobotsDecision disallowAll(long retryAfterMs, String reason) {
        return new RobotsDecision(Kind.DISALLOW_ALL, new SimpleRobotRules(RobotRulesMode.ALLOW_NONE), 0, retryAfterMs,
                retryAfterMs, reason);
    }

    public Kind kind() {
        return kind;
    }

    /** Whether the crawler may fetch {@code url} (an absolute URL on this robots.txt's origin). */
    public boolean allows(String url) {
        return rules.isAllowed(url);
    }

    /** The Crawl-delay for our user agent in milliseconds, capped by the policy; 0 when robots.txt sets none. */
    public long crawlDelayMs() {
        return crawlDelayMs;
    }

    /** Sitemap URLs robots.txt lists (as written there; normalise before use). */
    public List<String> sitemaps() {
        return List.copyOf(rules.getSitemaps());
    }

    /** How long the decision may be cached; robots.txt is fetched again after that. */
    public long expiresAfterMs() {
        return expiresAfterMs;
    }

    /** For {@link Kind#DISALLOW_ALL}: when to fetch robots.txt again; 0 for the other kinds. */
    public long retryAfterMs() {
        return retryAfterMs;
    }

    /** A short sentence on why, for the host view ("robots.txt answered 503", "robots.txt parsed"). */
    public String reason() {
        return reason;
    }

    @Override
    public String toString() {
        return kind + " (" + reason + ", crawl delay " + crawlDelayMs + " ms, expires after " + expiresAfterMs + " ms)";
    }
}
