package io.practicalsystems.crawler.dedup;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What a page is compared by: the SHA-256 of its body bytes (exact duplicates) and the SimHash of its extracted text
 * (near duplicates).
 *
 * @param sha256Hex lower-case hex SHA-256 of the raw body
 * @param simHash   {@link SimHash#of(String)} of the page text
 */
public record ContentFingerprint(String sha256Hex, long simHash) {

    public static ContentFingerprint of(String text, byte[] rawBody) {
        return new ContentFingerprint(sha256Hex(rawBody), SimHash.of(text));
    }

    /** Same body bytes. */
    public boolean isExactDuplicateOf(ContentFingerprint other) {
        return sha256Hex.equals(other.sha256Hex);
    }

    /** Texts whose SimHashes differ in at most {@code maxDistance} bits. */
    public boolean isNearDuplicateOf(ContentFingerprint other, int maxDistance) {
        return SimHash.hamming(simHash, other.simHash) <= maxDistance;
    }

    /** The SimHash as 16 hex digits, for storage where a signed 64-bit number is awkward. */
    public String simHashHex() {
        return HexFormat.of().toHexDigits(simHash);
    }

    static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
