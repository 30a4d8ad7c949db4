package io.practicalsystems.crawler.url;

import io.practicalsystems.crawler.url.ScopeDecision.Reason;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Which normalised URLs a crawl may fetch: allowed and denied domains (suffix match on label boundaries, so
 * {@code example.com} covers {@code a.example.com} but not {@code badexample.com}; an empty allow list allows every
 * domain, a deny match always wins), include and exclude patterns (Java regular expressions found anywhere in the
 * URL; with includes, a URL must match one), a maximum URL length and a maximum number of times one path segment
 * may repeat. Immutable and thread-safe. The constructor throws {@link IllegalArgumentException} with a sentence a
 * user can act on for a bad domain, pattern or limit.
 */
public final class CrawlScope {

    /** Longest pattern accepted; patterns come from users and a long one can be slow to match. */
    public static final int MAX_PATTERN_LENGTH = 500;
    /** Most include plus exclude patterns accepted. */
    public static final int MAX_PATTERNS = 50;
    /** Most allowed plus denied domains accepted. */
    public static final int MAX_DOMAINS = 10_000;
    public static final int DEFAULT_MAX_URL_LENGTH = 2_048;
    public static final int DEFAULT_MAX_SEGMENT_REPETITIONS = 3;

    private final List<String> allowedDomains;
    private final List<String> deniedDomains;
    private final List<Pattern> includes;
    private final List<Pattern> excludes;
    private final int maxUrlLength;
    private final int maxSegmentRepetitions;

    public CrawlScope(Collection<String> allowedDomains, Collection<String> deniedDomains, Collection<String> includes,
                      Collection<String> excludes, int maxUrlLength, int maxSegmentRepetitions) {
        if (allowedDomains.size() + deniedDomains.size() > MAX_DOMAINS) {
            throw new IllegalArgumentException("At most " + MAX_DOMAINS + " allowed and denied domains can be given.");
        }
        if (includes.size() + excludes.size() > MAX_PATTERNS) {
            throw new IllegalArgumentException("At most " + MAX_PATTERNS + " URL patterns can be given.");
        }
        if (maxUrlLength < 1 || maxSegmentRepetitions < 1) {
            throw new IllegalArgumentException("The maximum URL length and path-segment repetitions must be at least 1.");
        }
        this.allowedDomains = allowedDomains.stream().map(CrawlScope::domain).toList();
        this.deniedDomains = deniedDomains.stream().map(CrawlScope::domain).toList();
        this.includes = includes.stream().map(CrawlScope::pattern).toList();
        this.excludes = excludes.stream().map(CrawlScope::pattern).toList();
        this.maxUrlLength = maxUrlLength;
        this.maxSegmentRepetitions = maxSegmentRepetitions;
    }

    /** Only the given domains, default trap limits, no patterns. */
    public static CrawlScope ofDomains(Collection<String> allowedDomains) {
        return new CrawlScope(allowedDomains, List.of(), List.of(), List.of(), DEFAULT_MAX_URL_LENGTH,
                DEFAULT_MAX_SEGMENT_REPETITIONS);
    }

    public ScopeDecision decide(NormalizedUrl url) {
        String host = url.host();
        if (!allowedDomains.isEmpty() && allowedDomains.stream().noneMatch(d -> isWithin(host, d))) {
            return ScopeDecision.outOfScope(Reason.DOMAIN_NOT_ALLOWED, "The host " + host + " is not in an allowed "
                    + "domain.");
        }
        for (String denied : deniedDomains) {
            if (isWithin(host, denied)) {
                return ScopeDecision.outOfScope(Reason.DOMAIN_DENIED, "The host " + host + " is in the denied domain "
                        + denied + ".");
            }
        }
        if (url.value().length() > maxUrlLength) {
            return ScopeDecision.outOfScope(Reason.URL_TOO_LONG, "The URL is longer than " + maxUrlLength
                    + " characters.");
        }
        if (TrapRules.maxSegmentRepetitions(url) > maxSegmentRepetitions) {
            return ScopeDecision.outOfScope(Reason.PATH_REPETITION, "A path segment repeats more than "
                    + maxSegmentRepetitions + " times, which looks like a crawler trap.");
        }
        if (!includes.isEmpty() && includes.stream().noneMatch(p -> p.matcher(url.value()).find())) {
            return ScopeDecision.outOfScope(Reason.NOT_INCLUDED, "The URL matches no include pattern.");
        }
        for (Pattern exclude : excludes) {
            if (exclude.matcher(url.value()).find()) {
                return ScopeDecision.outOfScope(Reason.EXCLUDED, "The URL matches the exclude pattern "
                        + exclude.pattern() + ".");
            }
        }
        return ScopeDecision.IN_SCOPE;
    }

    /** {@code host} is {@code domain} or a subdomain of it. */
    static boolean isWithin(String host, String domain) {
        return host.equals(domain)
                || (host.length() > domain.length() && host.endsWith(domain)
                        && host.charAt(host.length() - domain.length() - 1) == '.');
    }

    /** A domain as hosts appear in normalised URLs; a leading "." or "*." is accepted and ignored. */
    private static String domain(String raw) {
        String domain = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
        domain = domain.startsWith("*.") ? domain.substring(2) : domain.startsWith(".") ? domain.substring(1) : domain;
        try {
            if (domain.chars().anyMatch(c -> "/:?#@[".indexOf(c) >= 0)) {
                throw new InvalidUrlException("give only the host name, without scheme, port or path.");
            }
            return new UrlNormalizer().normalize("http://" + domain + "/").host();
        } catch (InvalidUrlException e) {
            throw new IllegalArgumentException("\"" + UrlNormalizer.shortened(String.valueOf(raw))
                    + "\" is not a domain name: " + e.getMessage());
        }
    }

    private static Pattern pattern(String regex) {
        if (regex == null || regex.isEmpty() || regex.length() > MAX_PATTERN_LENGTH) {
            throw new IllegalArgumentException("A URL pattern must have 1 to " + MAX_PATTERN_LENGTH + " characters.");
        }
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("\"" + UrlNormalizer.shortened(regex) + "\" is not a valid regular "
                    + "expression: " + e.getDescription() + ".");
        }
    }
}
