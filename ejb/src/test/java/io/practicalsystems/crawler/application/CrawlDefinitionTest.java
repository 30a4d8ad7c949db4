package io.practicalsystems.crawler.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CrawlDefinitionTest {

    static final CrawlDefinition.Defaults DEFAULTS = new CrawlDefinition.Defaults(5, 10_000, 1000, 1000, 2048, 3,
            100, true, new SeenSetDefinition.Bounds(1_000_000, 4 << 20));

    /** A draft with only seeds; {@code with} changes one field. */
    static Draft draft() {
        return new Draft();
    }

    static final class Draft {
        List<String> seeds = List.of("https://example.org/");
        List<String> allowed;
        List<String> denied;
        List<String> include;
        List<String> exclude;
        Long maxDepth;
        Long maxPages;
        Long maxPagesPerHost;
        Long minDelayMs;
        Long maxUrlLength;
        Long maxPathRepetitions;
        Long maxQueryVariants;
        SeenSetDefinition seenSet;

        CrawlDefinition.Draft build() {
            return new CrawlDefinition.Draft(seeds, allowed, denied, include, exclude, maxDepth, maxPages,
                    maxPagesPerHost, minDelayMs, null, maxUrlLength, maxPathRepetitions, maxQueryVariants, null,
                    seenSet);
        }
    }

    static Stream<Arguments> badDrafts() {
        return Stream.of(
                bad("unknown seen set", d -> d.seenSet = new SeenSetDefinition("cuckoo", null, null),
                        "seenSet.kind", "must be 'exact' or 'bloom', got 'cuckoo'"),
                bad("bloom without size", d -> d.seenSet = new SeenSetDefinition("bloom", null, 0.01),
                        "seenSet.expectedUrls", "in 1..1000000 for a Bloom filter, got null"),
                bad("bloom too large a count", d -> d.seenSet = new SeenSetDefinition("bloom", 1_000_001L, 0.01),
                        "seenSet.expectedUrls", "in 1..1000000"),
                bad("bloom rate 0", d -> d.seenSet = new SeenSetDefinition("bloom", 1000L, 0.0),
                        "seenSet.falsePositiveRate", "above 0 and at most 0.1"),
                bad("bloom rate too high", d -> d.seenSet = new SeenSetDefinition("bloom", 1000L, 0.2),
                        "seenSet.falsePositiveRate", "got 0.2"),
                bad("bloom too many bytes", d -> d.seenSet = new SeenSetDefinition("bloom", 1_000_000L, 1e-12),
                        "seenSet.expectedUrls", "more than the 4194304 allowed"),
                bad("exact with a size", d -> d.seenSet = new SeenSetDefinition("exact", 1000L, null),
                        "seenSet.expectedUrls", "only a seen set of kind 'bloom' is sized"),
                bad("no seeds", d -> d.seeds = null, "seeds", "at least one http or https URL"),
                bad("empty seeds", d -> d.seeds = List.of(), "seeds", "at least one"),
                bad("ftp seed", d -> d.seeds = List.of("ftp://files.example.org/"), "seeds",
                        "seeds[0]: Only http and https URLs are crawled"),
                bad("relative seed", d -> d.seeds = List.of("/just/a/path"), "seeds", "is not an absolute URL"),
                bad("not a URL", d -> d.seeds = List.of("https://exa mple.org/"), "seeds", "seeds[0]: The host \"exa mple.org\" contains a character"),
                bad("blank seed", d -> d.seeds = List.of("https://ok.example/", " "), "seeds", "seeds[1] is empty"),
                bad("no host", d -> d.seeds = List.of("https:///path"), "seeds", "seeds[0]: The URL has no host"),
                bad("user info", d -> d.seeds = List.of("https://user:pw@example.org/"), "seeds",
                        "with a user name or password before the host are not crawled"),
                bad("too many seeds", d -> d.seeds = Collections.nCopies(1001, "https://example.org/"), "seeds",
                        "at most 1000 URLs, got 1001"),
                bad("seed too long", d -> d.seeds = List.of("https://example.org/" + "a".repeat(2100)), "seeds",
                        "more than maxUrlLength (2048)"),
                bad("seed outside allowed", d -> d.allowed = List.of("example.com"), "seeds",
                        "seeds[0] 'https://example.org/' is outside the crawl: The host example.org is not in an allowed domain."),
                bad("seed in denied", d -> d.denied = List.of("example.org"), "seeds",
                        "is outside the crawl: The host example.org is in the denied domain example.org."),
                bad("negative depth", d -> d.maxDepth = -1L, "maxDepth",
                        "maxDepth must be a non-negative whole number in 0..100, got -1"),
                bad("huge depth", d -> d.maxDepth = 101L, "maxDepth", "in 0..100, got 101"),
                bad("negative maxPages", d -> d.maxPages = -5L, "maxPages", "non-negative"),
                bad("zero maxPages", d -> d.maxPages = 0L, "maxPages", "in 1..100000000, got 0"),
                bad("negative per host", d -> d.maxPagesPerHost = -1L, "maxPagesPerHost", "non-negative"),
                bad("negative delay", d -> d.minDelayMs = -1L, "minDelayMs", "in 0..600000, got -1"),
                bad("huge delay", d -> d.minDelayMs = 600_001L, "minDelayMs", "in 0..600000"),
                bad("tiny url length", d -> d.maxUrlLength = 10L, "maxUrlLength", "in 32..16384"),
                bad("zero repetitions", d -> d.maxPathRepetitions = 0L, "maxPathRepetitions", "in 1..100"),
                bad("negative variants", d -> d.maxQueryVariants = -1L, "maxQueryVariantsPerPath", "non-negative"),
                bad("bad domain", d -> d.allowed = List.of("exa_mple.org"), "allowedDomains",
                        "allowedDomains[0] 'exa_mple.org' is not a domain name"),
                bad("blank domain", d -> d.denied = List.of(""), "deniedDomains", "is not a domain name"),
                bad("label too long", d -> d.allowed = List.of("a".repeat(64) + ".org"), "allowedDomains",
                        "is not a domain name"),
                bad("too many domains", d -> d.denied = numbered(1001, "d%d.example"), "deniedDomains",
                        "at most 1000 domains, got 1001"),
                bad("bad regex", d -> d.include = List.of("(unclosed"), "includePatterns",
                        "includePatterns[0] is not a valid regular expression"),
                bad("empty regex", d -> d.exclude = List.of(""), "excludePatterns", "excludePatterns[0] is empty"),
                bad("long regex", d -> d.exclude = List.of("a".repeat(501)), "excludePatterns",
                        "501 characters long, more than 500"),
                bad("too many regexes", d -> d.include = numbered(51, "p%d"), "includePatterns",
                        "at most 50 patterns together, got 51"),
                bad("too many regexes together", d -> {
                    d.include = numbered(30, "i%d");
                    d.exclude = numbered(21, "e%d");
                }, "excludePatterns", "at most 50 patterns together, got 51"),
                bad("seed excluded", d -> d.exclude = List.of("example\\.org"), "seeds",
                        "matches the exclude pattern"));
    }

    private static Arguments bad(String name, java.util.function.Consumer<Draft> change, String field,
                                 String message) {
        Draft d = draft();
        change.accept(d);
        return Arguments.of(name, d.build(), field, message);
    }

    private static List<String> numbered(int n, String format) {
        List<String> items = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            items.add(String.format(format, i));
        }
        return items;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badDrafts")
    void badInputIsRefusedNamingTheFieldAndTheRule(String name, CrawlDefinition.Draft draft, String field,
                                                   String message) {
        assertThatThrownBy(() -> CrawlDefinition.validate(draft, DEFAULTS))
                .isInstanceOfSatisfying(InvalidCrawlDefinitionException.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.getMessage()).contains(message).doesNotContain("Exception");
                });
    }

    @Test
    void noBodyAtAllIsRefusedOnSeeds() {
        assertThatThrownBy(() -> CrawlDefinition.validate(null, DEFAULTS))
                .isInstanceOfSatisfying(InvalidCrawlDefinitionException.class,
                        e -> assertThat(e.field()).isEqualTo("seeds"));
    }

    @Test
    void missingLimitsTakeTheDefaultsAndPerHostNeverExceedsTheTotal() {
        Draft d = draft();
        d.maxPages = 50L;
        CrawlDefinition definition = CrawlDefinition.validate(d.build(), DEFAULTS);
        assertThat(definition.maxDepth()).isEqualTo(5);
        assertThat(definition.maxPages()).isEqualTo(50);
        assertThat(definition.maxPagesPerHost()).isEqualTo(50);
        assertThat(definition.minDelayMs()).isEqualTo(1000);
        assertThat(definition.allowPrivateAddresses()).isFalse();
        assertThat(definition.sortQueryParameters()).isTrue();
    }

    @Test
    void seedsAreNormalisedAndDeduplicatedDomainsLowerCasedAndStripped() {
        Draft d = draft();
        d.seeds = List.of("HTTPS://Example.ORG:443", "https://example.org/#top", "http://www.Example.org:8080/a?b=1");
        d.allowed = List.of("*.EXAMPLE.org", ".example.org", "bücher.example");
        d.denied = List.of("private.example.org.");
        CrawlDefinition definition = CrawlDefinition.validate(d.build(), DEFAULTS);
        assertThat(definition.seeds()).containsExactly("https://example.org/", "http://www.example.org:8080/a?b=1");
        assertThat(definition.allowedDomains()).containsExactly("example.org", "xn--bcher-kva.example");
        assertThat(definition.deniedDomains()).containsExactly("private.example.org");
    }

    @Test
    void defaultsOutOfBoundsAreAConfigurationError() {
        assertThatThrownBy(() -> new CrawlDefinition.Defaults(-1, 10, 10, 0, 2048, 3, 100, true,
                new SeenSetDefinition.Bounds(10, 10)))
                .hasMessageContaining("default maxDepth must be in 0..100");
    }

    @Test
    void theSeenSetIsExactUnlessABloomFilterIsAskedFor() {
        assertThat(CrawlDefinition.validate(draft().build(), DEFAULTS).seenSet()).isEqualTo(SeenSetDefinition.EXACT_SET);
        assertThat(CrawlDefinition.validate(draft().build(), DEFAULTS).seenSet().bloomFilter()).isNull();
        Draft d = draft();
        d.seenSet = new SeenSetDefinition(" Bloom ", 1_000_000L, 0.01);
        SeenSetDefinition bloom = CrawlDefinition.validate(d.build(), DEFAULTS).seenSet();
        assertThat(bloom).isEqualTo(new SeenSetDefinition("bloom", 1_000_000L, 0.01));
        assertThat(bloom.bloomFilter().bits()).isBetween(9_585_000L, 9_586_000L);
    }
}
