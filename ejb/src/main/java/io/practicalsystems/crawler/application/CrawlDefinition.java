package io.practicalsystems.crawler.application;

import io.practicalsystems.crawler.frontier.FrontierLimits;
import io.practicalsystems.crawler.frontier.FrontierUrl;
import io.practicalsystems.crawler.url.CrawlScope;
import io.practicalsystems.crawler.url.NormalizationOptions;
import io.practicalsystems.crawler.url.NormalizedUrl;
import io.practicalsystems.crawler.url.TrapRules;
import io.practicalsystems.crawler.url.UrlNormalizer;
import java.util.List;

/**
 * What to crawl and within which limits: a validated value object. Build it with {@link #validate(Draft, Defaults)}
 * (every rule, with messages a caller can act on); the canonical constructor only copies, for definitions read back
 * from the store, which were validated when they were created.
 *
 * @param seeds                   1..{@value #MAX_SEEDS} normalised http(s) URLs, no repeats
 * @param allowedDomains          host suffixes the crawl stays within (empty: any host); lower-case ASCII
 * @param deniedDomains           host suffixes never fetched, even inside an allowed domain
 * @param includePatterns         regular expressions; when any are given, a URL must match one to be fetched
 * @param excludePatterns         regular expressions; a URL that matches one is never fetched
 * @param maxDepth                links followed from a seed (0: the seeds only)
 * @param maxPages                pages fetched in all
 * @param maxPagesPerHost         pages fetched from one host
 * @param minDelayMs              least time between two fetches from one host (robots.txt Crawl-delay may ask more)
 * @param allowPrivateAddresses   allow hosts that resolve to loopback/private/link-local addresses (tests only)
 * @param maxUrlLength            longer URLs are not followed (a trap defence)
 * @param maxPathRepetitions      a URL repeating one path segment more often is not followed (a trap defence)
 * @param maxQueryVariantsPerPath distinct query strings admitted per path (a trap defence)
 * @param sortQueryParameters     normalise URLs by sorting their query parameters
 * @param seenSet                 the seen set: exact, or a Bloom filter of a configured size and false-positive rate
 */
public record CrawlDefinition(List<String> seeds, List<String> allowedDomains, List<String> deniedDomains,
                              List<String> includePatterns, List<String> excludePatterns, int maxDepth, long maxPages,
                              long maxPagesPerHost, long minDelayMs, boolean allowPrivateAddresses, int maxUrlLength,
                              int maxPathRepetitions, int maxQueryVariantsPerPath, boolean sortQueryParameters,
                              SeenSetDefinition seenSet) {

    public static final int MAX_SEEDS = 1000;
    public static final int MAX_DOMAINS = 1000;
    /** Include and exclude patterns together. */
    public static final int MAX_PATTERNS = CrawlScope.MAX_PATTERNS;
    public static final int MAX_PATTERN_LENGTH = CrawlScope.MAX_PATTERN_LENGTH;
    public static final int MAX_DEPTH = 100;
    public static final long MAX_PAGES = 100_000_000L;
    public static final long MAX_MIN_DELAY_MS = 600_000L;
    public static final int MIN_URL_LENGTH = 32;
    public static final int MAX_URL_LENGTH = 16_384;
    public static final int MAX_PATH_REPETITIONS = 100;
    public static final int MAX_QUERY_VARIANTS_PER_PATH = 1_000_000;

    public CrawlDefinition {
        seeds = List.copyOf(seeds);
        allowedDomains = List.copyOf(allowedDomains);
        deniedDomains = List.copyOf(deniedDomains);
        includePatterns = List.copyOf(includePatterns);
        excludePatterns = List.copyOf(excludePatterns);
        seenSet = seenSet == null ? SeenSetDefinition.EXACT_SET : seenSet;
    }

    /**
     * A definition as a client sent it: every field may be missing (null). Numbers are {@code Long} so that any JSON
     * integer arrives and is judged here, with a message, rather than failing in the JSON binding.
     */
    public record Draft(List<String> seeds, List<String> allowedDomains, List<String> deniedDomains,
                        List<String> includePatterns, List<String> excludePatterns, Long maxDepth, Long maxPages,
                        Long maxPagesPerHost, Long minDelayMs, Boolean allowPrivateAddresses, Long maxUrlLength,
                        Long maxPathRepetitions, Long maxQueryVariantsPerPath, Boolean sortQueryParameters,
                        SeenSetDefinition seenSet) {
    }

    /**
     * What a draft gets for the limits it leaves out, and how large a Bloom-filter seen set may be (from
     * configuration, see {@code CrawlSettings}).
     */
    public record Defaults(int maxDepth, long maxPages, long maxPagesPerHost, long minDelayMs, int maxUrlLength,
                           int maxPathRepetitions, int maxQueryVariantsPerPath, boolean sortQueryParameters,
                           SeenSetDefinition.Bounds seenBloomBounds) {

        /** Fails if a default itself breaks the bounds a client's value must keep. */
        public Defaults {
            check("maxDepth", maxDepth, 0, MAX_DEPTH);
            check("maxPages", maxPages, 1, MAX_PAGES);
            check("maxPagesPerHost", maxPagesPerHost, 1, MAX_PAGES);
            check("minDelayMs", minDelayMs, 0, MAX_MIN_DELAY_MS);
            check("maxUrlLength", maxUrlLength, MIN_URL_LENGTH, MAX_URL_LENGTH);
            check("maxPathRepetitions", maxPathRepetitions, 1, MAX_PATH_REPETITIONS);
            check("maxQueryVariantsPerPath", maxQueryVariantsPerPath, 1, MAX_QUERY_VARIANTS_PER_PATH);
        }

        private static void check(String name, long value, long min, long max) {
            if (value < min || value > max) {
                throw new IllegalArgumentException("default " + name + " must be in " + min + ".." + max + ", got "
                        + value);
            }
        }
    }

    /** The limits the frontier enforces for this crawl, atomically with every offer and claim. */
    public FrontierLimits frontierLimits() {
        return new FrontierLimits(maxPages, maxDepth, maxPagesPerHost, maxQueryVariantsPerPath);
    }

    /** How this crawl normalises URLs (query sorting as defined, the common session ids removed). */
    public UrlNormalizer normalizer() {
        return normalizer(sortQueryParameters);
    }

    static UrlNormalizer normalizer(boolean sortQueryParameters) {
        return new UrlNormalizer(new NormalizationOptions(sortQueryParameters,
                NormalizationOptions.DEFAULT_SESSION_ID_PARAMETERS));
    }

    /** Which normalised URLs this crawl may fetch: domains, patterns, URL length and path repetitions. */
    public CrawlScope scope() {
        return new CrawlScope(allowedDomains, deniedDomains, includePatterns, excludePatterns, maxUrlLength,
                maxPathRepetitions);
    }

    /** The seeds as the frontier takes them: depth 0, with their host and path keys. */
    public List<FrontierUrl> seedUrls() {
        UrlNormalizer normalizer = normalizer();
        return seeds.stream().map(normalizer::normalize).map(CrawlDefinition::seedUrl).toList();
    }

    /** A normalised URL as the frontier takes a seed: depth 0, with its host and path keys. */
    public static FrontierUrl seedUrl(NormalizedUrl url) {
        return FrontierUrl.page(url.value(), url.hostKey(), 0, TrapRules.pathKey(url));
    }

    /** Every rule, in field order; the first broken one is thrown as {@link InvalidCrawlDefinitionException}. */
    public static CrawlDefinition validate(Draft draft, Defaults defaults) {
        return CrawlDefinitionRules.validate(draft, defaults);
    }
}
