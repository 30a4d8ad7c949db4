package io.practicalsystems.kv.ring;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The ring's hash: the first 8 bytes of MD5, big-endian, as a signed {@code long}.
 *
 * <p>MD5 rather than {@code String.hashCode} or a seeded hash because every node, in every JVM and every version
 * of this code, must place a key at the same position: the value is fixed by a standard, not by an implementation.
 * MD5 is what Dynamo and Cassandra's RandomPartitioner used; it is not used for security here. Its output is
 * uniform enough that key spread is governed by the number of virtual nodes, not the hash (see
 * {@code docs/kv-ring-spread.md}).
 *
 * <p>The ring is the signed 64-bit space in natural order, wrapping from {@link Long#MAX_VALUE} to
 * {@link Long#MIN_VALUE}. Signed order is as good as unsigned for placement and keeps comparisons plain.
 */
public final class RingHash {

    private RingHash() {
    }

    public static long of(byte[] key) {
        byte[] digest = md5().digest(key);
        long h = 0;
        for (int i = 0; i < Long.BYTES; i++) {
            h = (h << 8) | (digest[i] & 0xFF);
        }
        return h;
    }

    public static long of(String text) {
        return of(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Position of virtual node {@code vnodeIndex} of {@code node}: the hash of {@code "<node>#<vnodeIndex>"}. */
    public static long vnodeToken(NodeId node, int vnodeIndex) {
        return of(node.value() + "#" + vnodeIndex);
    }

    private static MessageDigest md5() {
        try {
            // A fresh instance per call: MessageDigest is not thread-safe, and a ThreadLocal would pin this
            // application's class loader to container threads after a redeploy.
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide MD5", e);
        }
    }
}
