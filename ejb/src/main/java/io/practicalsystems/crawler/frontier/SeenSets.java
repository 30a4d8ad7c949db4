package io.practicalsystems.crawler.frontier;

/**
 * Which seen set each crawl uses: its Bloom filter, or null for the exact set. Part of a crawl's definition, so the
 * answer for a crawl never changes and every server gives the same one.
 */
@FunctionalInterface
public interface SeenSets {

    /** Every crawl with the exact set. */
    SeenSets EXACT = crawlId -> null;

    /** The crawl's Bloom filter, or null when it uses the exact set. */
    SeenBloomFilter bloomFilterOf(String crawlId);
}
