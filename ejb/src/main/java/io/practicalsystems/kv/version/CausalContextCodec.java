package io.practicalsystems.kv.version;

import io.practicalsystems.kv.ring.NodeId;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The binary form behind {@link CausalContext#encode()}:
 * {@code 0x01 | varint n | n × (varint byteLength | node ID in UTF-8 | varint counter)}, nodes in ascending order,
 * then base64url without padding.
 *
 * <p>Varints (unsigned LEB128) keep the usual context — a few servers with small counters — around 10 bytes per
 * entry. Decoding is strict (canonical node order, no duplicates, no trailing bytes, valid UTF-8) so every context has
 * exactly one token, and it bounds the input so a hostile header cannot make the server allocate much.
 */
final class CausalContextCodec {

    static final int FORMAT_VERSION = 1;
    /** Far above any real context (a token for 16 nodes is ~250 characters), far below a header-size attack. */
    static final int MAX_TOKEN_CHARS = 8192;

    private CausalContextCodec() {
    }

    static String encode(VersionVector vector) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(FORMAT_VERSION);
        writeCounters(out, vector);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(out.toByteArray());
    }

    /** Appends {@code varint n | n × (node, counter)}; also the canonical bytes of a version digest. */
    static void writeCounters(ByteArrayOutputStream out, VersionVector vector) {
        writeVarint(out, vector.size());
        vector.entries().forEach((node, entry) -> {
            writeNode(out, node);
            writeVarint(out, entry.counter());
        });
    }

    static void writeNode(ByteArrayOutputStream out, NodeId node) {
        byte[] bytes = node.value().getBytes(StandardCharsets.UTF_8);
        writeVarint(out, bytes.length);
        out.write(bytes, 0, bytes.length);
    }

    static void writeVarint(ByteArrayOutputStream out, long value) {
        long rest = value;
        while ((rest & ~0x7FL) != 0) {
            out.write((int) ((rest & 0x7F) | 0x80));
            rest >>>= 7;
        }
        out.write((int) rest);
    }

    static VersionVector decode(String token) {
        if (token == null || token.isEmpty()) {
            throw malformed("empty");
        }
        if (token.length() > MAX_TOKEN_CHARS) {
            throw malformed("longer than " + MAX_TOKEN_CHARS + " characters");
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            throw malformed("not base64url (" + e.getMessage() + ")");
        }
        ByteBuffer in = ByteBuffer.wrap(bytes);
        if (!in.hasRemaining() || in.get() != FORMAT_VERSION) {
            throw malformed("unknown format version");
        }
        long count = readVarint(in, "entry count");
        // Every entry takes at least 3 bytes, which bounds the count by the input before anything is allocated.
        if (count > in.remaining() / 3) {
            throw malformed("entry count " + count + " does not fit in " + bytes.length + " bytes");
        }
        Map<NodeId, Long> counters = new LinkedHashMap<>();
        NodeId previous = null;
        for (long i = 0; i < count; i++) {
            NodeId node = readNode(in, i);
            if (previous != null && previous.compareTo(node) >= 0) {
                throw malformed("entry " + i + ": node IDs must be unique and in ascending order");
            }
            long counter = readVarint(in, "counter of entry " + i);
            if (counter < 1) {
                throw malformed("entry " + i + ": counter must be >= 1");
            }
            counters.put(node, counter);
            previous = node;
        }
        if (in.hasRemaining()) {
            throw malformed(in.remaining() + " trailing bytes");
        }
        VersionVector vector = VersionVector.of(counters);
        // The base64 decoder tolerates padding and stray low bits; one context, one token.
        if (!encode(vector).equals(token)) {
            throw malformed("not in canonical form");
        }
        return vector;
    }

    private static NodeId readNode(ByteBuffer in, long index) {
        long length = readVarint(in, "node ID length of entry " + index);
        if (length > NodeId.MAX_LENGTH || length > in.remaining()) {
            throw malformed("entry " + index + ": node ID length " + length + " out of range");
        }
        ByteBuffer slice = in.slice();
        slice.limit((int) length);
        in.position(in.position() + (int) length);
        try {
            String value = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(slice)
                    .toString();
            return new NodeId(value);
        } catch (CharacterCodingException | IllegalArgumentException e) {
            throw malformed("entry " + index + ": invalid node ID (" + e.getMessage() + ")");
        }
    }

    private static long readVarint(ByteBuffer in, String what) {
        long value = 0;
        for (int shift = 0; shift < 63; shift += 7) {
            if (!in.hasRemaining()) {
                throw malformed("truncated " + what);
            }
            int b = in.get() & 0xFF;
            value |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                if (shift > 0 && b == 0) {
                    throw malformed(what + " is not minimally encoded");
                }
                return value;
            }
        }
        // 9 groups of 7 bits fill all 63 non-negative bits; a tenth byte could only overflow.
        throw malformed(what + " exceeds 63 bits");
    }

    private static IllegalArgumentException malformed(String why) {
        return new IllegalArgumentException("malformed causal context: " + why);
    }
}
