package io.practicalsystems.crawler.application;

import io.practicalsystems.crawler.url.CrawlScope;
import io.practicalsystems.crawler.url.InvalidUrlException;
import io.practicalsystems.crawler.url.NormalizedUrl;
import io.practicalsystems.crawler.url.ScopeDecision;
import io.practicalsystems.crawler.url.UrlNormalizer;
import java.net.IDN;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** The rules of {@link CrawlDefinition#validate}: bounds on every number and list, seeds, domains, patterns. */
final class CrawlDefinitionRules {

    private static final int MAX_DOMAIN_LENGTH = 253;
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    private CrawlDefinitionRules() {
    }

    static CrawlDefinition validate(CrawlDefinition.Draft draft, CrawlDefinition.Defaults defaults) {
        if (draft == null) {
            throw invalid("seeds", "a JSON body with at least \"seeds\" (a list of http or https URLs) is required");
        }
        int maxDepth = (int) number("maxDepth", draft.maxDepth(), 0, CrawlDefinition.MAX_DEPTH, defaults.maxDepth());
        long maxPages = number("maxPages", draft.maxPages(), 1, CrawlDefinition.MAX_PAGES, defaults.maxPages());
        long maxPagesPerHost = number("maxPagesPerHost", draft.maxPagesPerHost(), 1, CrawlDefinition.MAX_PAGES,
                Math.min(defaults.maxPagesPerHost(), maxPages));
        long minDelayMs = number("minDelayMs", draft.minDelayMs(), 0, CrawlDefinition.MAX_MIN_DELAY_MS,
                defaults.minDelayMs());
        int maxUrlLength = (int) number("maxUrlLength", draft.maxUrlLength(), CrawlDefinition.MIN_URL_LENGTH,
                CrawlDefinition.MAX_URL_LENGTH, defaults.maxUrlLength());
        int maxPathRepetitions = (int) number("maxPathRepetitions", draft.maxPathRepetitions(), 1,
                CrawlDefinition.MAX_PATH_REPETITIONS, defaults.maxPathRepetitions());
        int maxQueryVariants = (int) number("maxQueryVariantsPerPath", draft.maxQueryVariantsPerPath(), 1,
                CrawlDefinition.MAX_QUERY_VARIANTS_PER_PATH, defaults.maxQueryVariantsPerPath());
        boolean sortQuery = draft.sortQueryParameters() == null ? defaults.sortQueryParameters()
                : draft.sortQueryParameters();

        List<String> allowed = domains("allowedDomains", draft.allowedDomains());
        List<String> denied = domains("deniedDomains", draft.deniedDomains());
        List<String> include = patterns("includePatterns", draft.includePatterns(), 0);
        List<String> exclude = patterns("excludePatterns", draft.excludePatterns(), include.size());
        CrawlScope scope;
        try {
            scope = new CrawlScope(allowed, denied, include, exclude, maxUrlLength, maxPathRepetitions);
        } catch (IllegalArgumentException e) {
            // Not expected: the checks above are stricter than the scope's own.
            throw invalid("allowedDomains", e.getMessage());
        }
        List<String> seeds = seeds(draft.seeds(), maxUrlLength, CrawlDefinition.normalizer(sortQuery), scope);
        SeenSetDefinition seenSet = SeenSetDefinition.validate(draft.seenSet(), defaults.seenBloomBounds());
        return new CrawlDefinition(seeds, allowed, denied, include, exclude, maxDepth, maxPages, maxPagesPerHost,
                minDelayMs, Boolean.TRUE.equals(draft.allowPrivateAddresses()), maxUrlLength, maxPathRepetitions,
                maxQueryVariants, sortQuery, seenSet);
    }

    private static long number(String field, Long value, long min, long max, long fallback) {
        if (value == null) {
            return fallback;
        }
        if (value < min || value > max) {
            throw invalid(field, field + " must be " + (value < 0 ? "a non-negative whole number " : "")
                    + "in " + min + ".." + max + ", got " + value);
        }
        return value;
    }

    private static List<String> seeds(List<String> raw, int maxUrlLength, UrlNormalizer normalizer,
                                      CrawlScope scope) {
        if (raw == null || raw.isEmpty()) {
            throw invalid("seeds", "seeds must list at least one http or https URL to start from");
        }
        if (raw.size() > CrawlDefinition.MAX_SEEDS) {
            throw invalid("seeds", "seeds may list at most " + CrawlDefinition.MAX_SEEDS + " URLs, got " + raw.size());
        }
        Set<String> seeds = new LinkedHashSet<>();
        for (int i = 0; i < raw.size(); i++) {
            String field = "seeds[" + i + "]";
            String seed = raw.get(i);
            if (seed == null || seed.isBlank()) {
                throw invalid("seeds", field + " is empty: every seed must be an http or https URL");
            }
            if (seed.length() > maxUrlLength) {
                throw invalid("seeds", field + " is " + seed.length() + " characters long, more than maxUrlLength ("
                        + maxUrlLength + ")");
            }
            NormalizedUrl url;
            try {
                url = normalizer.normalize(seed);
            } catch (InvalidUrlException e) {
                throw invalid("seeds", field + ": " + e.getMessage());
            }
            ScopeDecision decision = scope.decide(url);
            if (!decision.inScope()) {
                throw invalid("seeds", field + " '" + url.value() + "' is outside the crawl: " + decision.message());
            }
            seeds.add(url.value());
        }
        return List.copyOf(seeds);
    }

    private static List<String> domains(String field, List<String> raw) {
        if (raw == null) {
            return List.of();
        }
        if (raw.size() > CrawlDefinition.MAX_DOMAINS) {
            throw invalid(field, field + " may list at most " + CrawlDefinition.MAX_DOMAINS + " domains, got "
                    + raw.size());
        }
        Set<String> domains = new LinkedHashSet<>();
        for (int i = 0; i < raw.size(); i++) {
            domains.add(domain(field + "[" + i + "]", field, raw.get(i)));
        }
        return List.copyOf(domains);
    }

    private static String domain(String item, String field, String raw) {
        String problem = item + " '" + raw + "' is not a domain name (e.g. example.org; it matches its subdomains too)";
        if (raw == null || raw.isBlank() || raw.length() > MAX_DOMAIN_LENGTH) {
            throw invalid(field, problem);
        }
        String name = raw.strip();
        if (name.startsWith("*.")) {
            name = name.substring(2);
        } else if (name.startsWith(".")) {
            name = name.substring(1);
        }
        if (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1);
        }
        try {
            name = IDN.toASCII(name, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw invalid(field, problem);
        }
        if (name.isEmpty() || name.length() > MAX_DOMAIN_LENGTH) {
            throw invalid(field, problem);
        }
        for (String label : name.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                throw invalid(field, problem);
            }
        }
        return name;
    }

    private static List<String> patterns(String field, List<String> raw, int alreadyGiven) {
        if (raw == null) {
            return List.of();
        }
        if (alreadyGiven + raw.size() > CrawlDefinition.MAX_PATTERNS) {
            throw invalid(field, "includePatterns and excludePatterns may list at most " + CrawlDefinition.MAX_PATTERNS
                    + " patterns together, got " + (alreadyGiven + raw.size()));
        }
        List<String> patterns = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            String item = field + "[" + i + "]";
            String pattern = raw.get(i);
            if (pattern == null || pattern.isEmpty()) {
                throw invalid(field, item + " is empty: give a regular expression or leave it out");
            }
            if (pattern.length() > CrawlDefinition.MAX_PATTERN_LENGTH) {
                throw invalid(field, item + " is " + pattern.length() + " characters long, more than "
                        + CrawlDefinition.MAX_PATTERN_LENGTH);
            }
            try {
                Pattern.compile(pattern);
            } catch (PatternSyntaxException e) {
                throw invalid(field, item + " is not a valid regular expression: " + e.getDescription()
                        + " near index " + e.getIndex());
            }
            patterns.add(pattern);
        }
        return List.copyOf(patterns);
    }

    static InvalidCrawlDefinitionException invalid(String field, String message) {
        return new InvalidCrawlDefinitionException(field, message);
    }
}
