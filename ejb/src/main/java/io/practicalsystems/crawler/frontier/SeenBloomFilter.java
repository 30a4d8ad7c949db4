package io.practicalsystems.crawler.frontier;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A Bloom filter in place of the exact seen set: fixed memory (about 1.2 MB per million URLs at 1 %), at the cost
 * that a share {@code falsePositiveRate} of new URLs is taken for seen and never crawled — once
 * {@code expectedUrls} have been admitted; fewer admitted, fewer lost, more admitted, more.
 *
 * <p>Sized the usual way: m = −n·ln p / (ln 2)² bits and k = m/n·ln 2 hashes, positions by double hashing
 * (Kirsch–Mitzenmacher: g<sub>i</sub> = h<sub>1</sub> + i·h<sub>2</sub> mod m) from the two 64-bit halves of a
 * SHA-256 prefix of the URL. Every server of a crawl must use the same two parameters.
 */
public record SeenBloomFilter(long expectedUrls, double falsePositiveRate) {

    /** The most bits one Redis string holds (512 MB). */
    static final long MAX_BITS = 1L << 32;
    /** The most bytes a filter may take: one Redis string. */
    public static final long MAX_BYTES = MAX_BITS / 8;

    public SeenBloomFilter {
        if (expectedUrls < 1) {
            throw new IllegalArgumentException("a Bloom filter expects at least 1 URL");
        }
        if (!(falsePositiveRate > 0 && falsePositiveRate < 0.5)) {
            throw new IllegalArgumentException("a Bloom filter's false-positive rate is above 0 and below 0.5");
        }
        if (bits(expectedUrls, falsePositiveRate) > MAX_BITS) {
            throw new IllegalArgumentException("that Bloom filter would need more than 512 MB");
        }
    }

    /** m, the filter's size in bits. */
    public long bits() {
        return bits(expectedUrls, falsePositiveRate);
    }

    /** k, the bits set per URL. */
    public int hashes() {
        return (int) Math.max(1, Math.round((double) bits() / expectedUrls * Math.log(2)));
    }

    /** The false-positive rate a filter with {@code bitsSet} of its bits set gives a new URL: fill<sup>k</sup>. */
    public double falsePositiveRateAt(long bitsSet) {
        return Math.pow((double) bitsSet / bits(), hashes());
    }

    /** The URL's k bit positions, comma-separated (what the offer script reads). */
    String positions(String url) {
        ByteBuffer digest = ByteBuffer.wrap(sha256(url));
        long h1 = digest.getLong();
        long h2 = digest.getLong();
        long m = bits();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < hashes(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(Math.floorMod(h1 + i * h2, m));
        }
        return out.toString();
    }

    /** The bytes a filter for {@code n} URLs at false-positive rate {@code p} takes (what its Redis string holds). */
    public static long bytes(long n, double p) {
        return (bits(n, p) + 7) / 8;
    }

    private static long bits(long n, double p) {
        return (long) Math.ceil(-n * Math.log(p) / (Math.log(2) * Math.log(2)));
    }

    static byte[] sha256(String url) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(url.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JRE", e);
        }
    }
}
