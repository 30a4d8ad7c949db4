package io.practicalsystems.kv.version;

import io.practicalsystems.kv.ring.NodeId;
import java.io.ByteArrayOutputStream;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The binary form behind {@link CausalContext#encode()}:
 * {@code 0x01 | varint n | n × (varint byteLength | node ID in UTF-8 | varint counter)}, nodes in ascending order,
 * then base64url without padding (building blocks in {@link CompactBinary}).
 *
 * <p>Varints (unsigned LEB128) keep the usual context — a few servers with small counters — around 10 bytes per
 * entry. Decoding is strict (canonical node order, no duplicates, no trailing bytes, valid UTF-8) so every context has
 * exactly one token, and it bounds the input so a hostile header cannot make the server allocate much.
 */
final class CausalContextCodec {

    static final int FORMAT_VERSION = 1;
    private static final String FORMAT_NAME = "causal context";
    /** Far above any real context (a token for 16 nodes is ~250 characters), far below a header-size attack. */
    static final int MAX_TOKEN_CHARS = 8192;

    private CausalContextCodec() {
    }

    static String encode(VersionVector vector) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(vector));
    }

    /** The binary form before base64url: what {@link ContextTokens} authenticates. */
    static byte[] bytes(VersionVector vector) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(FORMAT_VERSION);
        writeCounters(out, vector);
        return out.toByteArray();
    }

    /** Appends {@code varint n | n × (node, counter)}; also the canonical bytes of a version digest. */
    static void writeCounters(ByteArrayOutputStream out, VersionVector vector) {
        CompactBinary.writeVarint(out, vector.size());
        vector.entries().forEach((node, entry) -> {
            CompactBinary.writeNode(out, node);
            CompactBinary.writeVarint(out, entry.counter());
        });
    }

    static VersionVector decode(String token) {
        if (token == null || token.isEmpty()) {
            throw malformed("empty");
        }
        if (token.length() > MAX_TOKEN_CHARS) {
            throw malformed("longer than " + MAX_TOKEN_CHARS + " characters");
        }
        VersionVector vector = fromBytes(base64url(token));
        // The base64 decoder tolerates padding and stray low bits; one context, one token.
        if (!encode(vector).equals(token)) {
            throw malformed("not in canonical form");
        }
        return vector;
    }

    static byte[] base64url(String token) {
        try {
            return Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            throw malformed("not base64url (" + e.getMessage() + ")");
        }
    }

    /** Parses {@link #bytes}, strictly: the inverse for every input it accepts. */
    static VersionVector fromBytes(byte[] bytes) {
        CompactBinary.Reader in = new CompactBinary.Reader(bytes, FORMAT_NAME);
        if (in.remaining() == 0 || in.readByte("format version") != FORMAT_VERSION) {
            throw malformed("unknown format version");
        }
        // Every entry takes at least 3 bytes, which bounds the count by the input before anything is allocated.
        int count = in.readCount("entry count", 3);
        Map<NodeId, Long> counters = new LinkedHashMap<>();
        NodeId previous = null;
        for (int i = 0; i < count; i++) {
            NodeId node = in.readNode("entry " + i);
            if (previous != null && previous.compareTo(node) >= 0) {
                throw malformed("entry " + i + ": node IDs must be unique and in ascending order");
            }
            long counter = in.readVarint("counter of entry " + i);
            if (counter < 1) {
                throw malformed("entry " + i + ": counter must be >= 1");
            }
            counters.put(node, counter);
            previous = node;
        }
        in.expectEnd();
        return VersionVector.of(counters);
    }

    static IllegalArgumentException malformed(String why) {
        return new IllegalArgumentException("malformed " + FORMAT_NAME + ": " + why);
    }
}
