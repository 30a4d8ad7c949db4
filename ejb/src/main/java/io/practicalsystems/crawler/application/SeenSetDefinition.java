package io.practicalsystems.crawler.application;

import io.practicalsystems.crawler.frontier.SeenBloomFilter;
import java.util.Locale;

/**
 * How a crawl remembers the URLs it has admitted: {@code exact} (a set of 128-bit hashes, 22 bytes a URL, grows
 * with the crawl) or {@code bloom} (a Bloom filter of fixed size for {@code expectedUrls} at
 * {@code falsePositiveRate}: that share of new URLs is taken for seen and never crawled). Part of the definition,
 * so every server of the crawl uses the same one. As a client sends it every field may be null; {@link #validate}
 * gives the value kept.
 *
 * @param kind              {@code exact} (default) or {@code bloom}
 * @param expectedUrls      bloom only: URLs the filter is sized for, 1..{@code ps.crawler.seen-bloom.max-expected-urls}
 * @param falsePositiveRate bloom only: in (0, {@value #MAX_FALSE_POSITIVE_RATE}]
 */
public record SeenSetDefinition(String kind, Long expectedUrls, Double falsePositiveRate) {

    public static final String EXACT = "exact";
    public static final String BLOOM = "bloom";
    public static final double MAX_FALSE_POSITIVE_RATE = 0.1;
    public static final SeenSetDefinition EXACT_SET = new SeenSetDefinition(EXACT, null, null);

    /** What configuration allows a Bloom filter: how many URLs it may be sized for and how large it may get. */
    public record Bounds(long maxExpectedUrls, long maxBytes) {

        public Bounds {
            if (maxExpectedUrls < 1 || maxBytes < 1 || maxBytes > SeenBloomFilter.MAX_BYTES) {
                throw new IllegalArgumentException("ps.crawler.seen-bloom.max-expected-urls and .max-bytes must be "
                        + "positive, the bytes at most " + SeenBloomFilter.MAX_BYTES + ", got " + maxExpectedUrls
                        + " and " + maxBytes);
            }
        }
    }

    /** The definition kept for a client's {@code seenSet} (null: exact), or a 400 naming the field at fault. */
    static SeenSetDefinition validate(SeenSetDefinition draft, Bounds bounds) {
        if (draft == null || draft.kind() == null && draft.expectedUrls() == null
                && draft.falsePositiveRate() == null) {
            return EXACT_SET;
        }
        String kind = draft.kind() == null ? "" : draft.kind().strip().toLowerCase(Locale.ROOT);
        if (kind.equals(EXACT)) {
            if (draft.expectedUrls() != null || draft.falsePositiveRate() != null) {
                throw invalid(draft.expectedUrls() != null ? "expectedUrls" : "falsePositiveRate",
                        "only a seen set of kind 'bloom' is sized; an exact one grows with the crawl");
            }
            return EXACT_SET;
        }
        if (!kind.equals(BLOOM)) {
            throw invalid("kind", "seenSet.kind must be 'exact' or 'bloom', got '" + draft.kind() + "'");
        }
        Long n = draft.expectedUrls();
        if (n == null || n < 1 || n > bounds.maxExpectedUrls()) {
            throw invalid("expectedUrls", "seenSet.expectedUrls must be a whole number in 1.." + bounds.maxExpectedUrls()
                    + " for a Bloom filter, got " + n);
        }
        Double p = draft.falsePositiveRate();
        if (p == null || !(p > 0 && p <= MAX_FALSE_POSITIVE_RATE)) {
            throw invalid("falsePositiveRate", "seenSet.falsePositiveRate must be above 0 and at most "
                    + MAX_FALSE_POSITIVE_RATE + " (e.g. 0.01: one new URL in a hundred is taken for seen), got " + p);
        }
        long bytes = SeenBloomFilter.bytes(n, p);
        if (bytes > bounds.maxBytes()) {
            throw invalid("expectedUrls", "a Bloom filter for " + n + " URLs at a false-positive rate of " + p
                    + " needs " + bytes + " bytes, more than the " + bounds.maxBytes()
                    + " allowed: expect fewer URLs or accept a higher rate");
        }
        return new SeenSetDefinition(BLOOM, n, p);
    }

    /** The Bloom filter this definition asks for, or null for the exact set. */
    public SeenBloomFilter bloomFilter() {
        return BLOOM.equals(kind) ? new SeenBloomFilter(expectedUrls, falsePositiveRate) : null;
    }

    private static InvalidCrawlDefinitionException invalid(String field, String message) {
        return new InvalidCrawlDefinitionException("seenSet." + field, message);
    }
}
