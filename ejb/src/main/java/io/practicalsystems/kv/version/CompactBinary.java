package io.practicalsystems.kv.version;

import io.practicalsystems.kv.ring.NodeId;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Building blocks of the KV store's compact binary encodings (the causal context token, the stored and transported
 * form of sibling sets): unsigned LEB128 varints, length-prefixed byte strings and node IDs, and a strict reader.
 *
 * <p>The {@link Reader} is meant for untrusted input (HTTP headers and bodies from other nodes): it rejects truncated
 * input, varints that are not minimally encoded (so every value has exactly one encoding) or exceed 63 bits, and
 * lengths beyond the input, always with an {@link IllegalArgumentException} {@code "malformed <format>: <why>"}; and it
 * never allocates more than the input's size, so a small hostile input cannot make it allocate much.
 */
public final class CompactBinary {

    private CompactBinary() {
    }

    /** Appends {@code value} as an unsigned LEB128 varint: 7 bits a byte, low bits first; 1 byte below 128. */
    public static void writeVarint(ByteArrayOutputStream out, long value) {
        if (value < 0) {
            throw new IllegalArgumentException("varints encode non-negative values, got " + value);
        }
        long rest = value;
        while ((rest & ~0x7FL) != 0) {
            out.write((int) ((rest & 0x7F) | 0x80));
            rest >>>= 7;
        }
        out.write((int) rest);
    }

    /** Appends {@code varint length | bytes}. */
    public static void writeBytes(ByteArrayOutputStream out, byte[] bytes) {
        writeVarint(out, bytes.length);
        out.write(bytes, 0, bytes.length);
    }

    /** Appends the node ID as {@code varint length | UTF-8}. */
    public static void writeNode(ByteArrayOutputStream out, NodeId node) {
        writeBytes(out, node.value().getBytes(StandardCharsets.UTF_8));
    }

    /** Reads one encoded value front to back; see the class comment for what it rejects. Not thread-safe. */
    public static final class Reader {

        private final ByteBuffer in;
        private final String format;

        /**
         * @param bytes  the input; not copied, not modified
         * @param format what the bytes should be, for error messages, e.g. {@code "causal context"}
         */
        public Reader(byte[] bytes, String format) {
            this.in = ByteBuffer.wrap(Objects.requireNonNull(bytes, "bytes")).asReadOnlyBuffer();
            this.format = Objects.requireNonNull(format, "format");
        }

        /** The exception for input that is not a well-formed encoding: {@code "malformed <format>: <why>"}. */
        public IllegalArgumentException malformed(String why) {
            return new IllegalArgumentException("malformed " + format + ": " + why);
        }

        public int remaining() {
            return in.remaining();
        }

        /** One byte as 0..255. */
        public int readByte(String what) {
            if (!in.hasRemaining()) {
                throw malformed("truncated " + what);
            }
            return in.get() & 0xFF;
        }

        public long readVarint(String what) {
            long value = 0;
            for (int shift = 0; shift < 63; shift += 7) {
                int b = readByte(what);
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

        /**
         * A varint count of items that each take at least {@code minBytesEach} bytes: a count the remaining input
         * cannot hold is rejected before the caller allocates anything for it.
         */
        public int readCount(String what, int minBytesEach) {
            long count = readVarint(what);
            if (count > in.remaining() / minBytesEach) {
                throw malformed(what + " " + count + " does not fit in the remaining " + in.remaining() + " bytes");
            }
            return (int) count;
        }

        /** {@code varint length | bytes}, at most {@code maxLength} bytes. */
        public byte[] readBytes(String what, long maxLength) {
            long length = readVarint(what + " length");
            if (length > maxLength || length > in.remaining()) {
                throw malformed(what + " length " + length + " out of range");
            }
            byte[] bytes = new byte[(int) length];
            in.get(bytes);
            return bytes;
        }

        /** A node ID written by {@link #writeNode}: valid UTF-8, and valid as a {@link NodeId}. */
        public NodeId readNode(String what) {
            long length = readVarint("node ID length of " + what);
            if (length > NodeId.MAX_LENGTH || length > in.remaining()) {
                throw malformed(what + ": node ID length " + length + " out of range");
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
                throw malformed(what + ": invalid node ID (" + e.getMessage() + ")");
            }
        }

        /** Rejects anything left over: one value, one encoding. */
        public void expectEnd() {
            if (in.hasRemaining()) {
                throw malformed(in.remaining() + " trailing bytes");
            }
        }
    }
}
