package io.practicalsystems.crawler.url;

/**
 * Whether a URL belongs to a crawl, and if not, why.
 *
 * @param reason  {@code null} when in scope
 * @param message a sentence saying why the URL is out of scope; {@code null} when in scope
 */
public record ScopeDecision(Reason reason, String message) {

    /** Why a URL is out of scope; the names are stable (counted per reason in crawl statistics). */
    public enum Reason { DOMAIN_NOT_ALLOWED, DOMAIN_DENIED, URL_TOO_LONG, PATH_REPETITION, NOT_INCLUDED, EXCLUDED }

    public static final ScopeDecision IN_SCOPE = new ScopeDecision(null, null);

    public static ScopeDecision outOfScope(Reason reason, String message) {
        return new ScopeDecision(reason, message);
    }

    public boolean inScope() {
        return reason == null;
    }
}
