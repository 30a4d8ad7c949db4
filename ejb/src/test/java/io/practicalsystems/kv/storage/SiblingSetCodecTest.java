package io.practicalsystems.kv.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;

import io.practicalsystems.kv.ring.NodeId;
import io.practicalsystems.kv.version.CausalContext;
import io.practicalsystems.kv.version.Dot;
import io.practicalsystems.kv.version.DottedVersionVectorSet;
import io.practicalsystems.kv.version.Sibling;
import io.practicalsystems.kv.version.VersionVector;
import io.practicalsystems.kv.version.Versioned;
import io.practicalsystems.testsupport.Gens;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SiblingSetCodecTest {

    private static final NodeId A = NodeId.of("a");

    static byte[] hex(String spaced) {
        return HexFormat.of().parseHex(spaced.replace(" ", ""));
    }

    @Test
    void pinsTheFormatOfASmallSet() {
        DottedVersionVectorSet<Blob> set = DottedVersionVectorSet.<Blob>empty()
                .update(CausalContext.empty(), Versioned.of(Blob.ofUtf8("hi"), Instant.ofEpochSecond(1)), A);

        // version | 1 entry: "a", counter 1, updated at (zigzag(1 s) = 2, 0 ns) | pruned ceiling 0
        // | 1 sibling: node #0, counter 1, value, written at (2, 0), 2 bytes "hi"
        assertThat(SiblingSetCodec.encode(set)).isEqualTo(hex("01 01 01 61 01 02 00 00 01 00 01 00 02 00 02 68 69"));
        assertThat(SiblingSetCodec.encode(DottedVersionVectorSet.empty())).isEqualTo(hex("01 00 00 00"));
    }

    @Test
    void keepsSiblingsTombstonesAndPruningBookkeeping() {
        NodeId b = NodeId.of("kv-2.example:9080");
        DottedVersionVectorSet<Blob> set = DottedVersionVectorSet.restore(
                VersionVector.restore(Map.of(A, new VersionVector.Entry(7, Instant.parse("2026-03-01T10:15:30.123456789Z")),
                        b, new VersionVector.Entry(Long.MAX_VALUE, Instant.MIN)), 42),
                List.of(new Sibling<>(new Dot(A, 7),
                                Versioned.of(Blob.of(new byte[0]), Instant.MAX)),
                        new Sibling<>(new Dot(b, 3),
                                Versioned.tombstone(Instant.ofEpochSecond(-5, 1)))));

        DottedVersionVectorSet<Blob> decoded = SiblingSetCodec.decode(SiblingSetCodec.encode(set));

        assertThat(decoded).isEqualTo(set);
        assertThat(decoded.history().prunedCeiling()).isEqualTo(42);
        assertThat(decoded.values()).extracting(Versioned::isTombstone).containsExactly(false, true);
    }

    @Test
    void decodeInvertsEncode() {
        qt().forAll(SiblingSets.any()).checkAssert(set -> {
            DottedVersionVectorSet<Blob> decoded = SiblingSetCodec.decode(SiblingSetCodec.encode(set));

            assertThat(decoded).isEqualTo(set);
            assertThat(decoded.versionDigest()).isEqualTo(set.versionDigest());
        });
    }

    @Test
    void everyTruncationIsRejected() {
        qt().withExamples(200).forAll(SiblingSets.any()).checkAssert(set -> {
            byte[] bytes = SiblingSetCodec.encode(set);
            for (int length = 0; length < bytes.length; length++) {
                byte[] prefix = Arrays.copyOf(bytes, length);
                assertThatThrownBy(() -> SiblingSetCodec.decode(prefix))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageStartingWith("malformed sibling set: ");
            }
        });
    }

    @Test
    void aTrailingByteIsRejected() {
        qt().withExamples(200).forAll(SiblingSets.any(), Gens.anyByte()).checkAssert((set, extra) -> {
            byte[] bytes = SiblingSetCodec.encode(set);
            byte[] longer = Arrays.copyOf(bytes, bytes.length + 1);
            longer[bytes.length] = extra;

            assertThatThrownBy(() -> SiblingSetCodec.decode(longer)).hasMessageContaining("1 trailing bytes");
        });
    }

    /** Garbage from the network: either a set whose encoding is exactly the input, or IllegalArgumentException. */
    @Test
    void arbitraryBytesDecodeCanonicallyOrAreRejected() {
        qt().withExamples(3000).forAll(Gens.bytes(48), booleans().all()).checkAssert((bytes, withVersionByte) -> {
            if (withVersionByte && bytes.length > 0) {
                bytes[0] = SiblingSetCodec.FORMAT_VERSION;
            }
            assertDecodesCanonicallyOrIsRejected(bytes);
        });
    }

    @Test
    void corruptedEncodingsDecodeCanonicallyOrAreRejected() {
        qt().withExamples(3000)
                .forAll(SiblingSets.any(), integers().between(0, 10_000), Gens.anyByte(),
                        arbitrary().pick("replace", "insert", "delete"))
                .checkAssert((set, position, value, mutation) -> assertDecodesCanonicallyOrIsRejected(
                        corrupted(SiblingSetCodec.encode(set), position, value, mutation)));
    }

    /** {@code bytes} with one byte replaced, inserted or deleted at {@code position} (modulo the length). */
    private static byte[] corrupted(byte[] bytes, int position, byte value, String mutation) {
        int at = position % bytes.length;
        return switch (mutation) {
            case "replace" -> {
                byte[] copy = bytes.clone();
                copy[at] = value;
                yield copy;
            }
            case "insert" -> {
                byte[] copy = new byte[bytes.length + 1];
                System.arraycopy(bytes, 0, copy, 0, at);
                copy[at] = value;
                System.arraycopy(bytes, at, copy, at + 1, bytes.length - at);
                yield copy;
            }
            default -> {
                byte[] copy = new byte[bytes.length - 1];
                System.arraycopy(bytes, 0, copy, 0, at);
                System.arraycopy(bytes, at + 1, copy, at, bytes.length - at - 1);
                yield copy;
            }
        };
    }

    private static void assertDecodesCanonicallyOrIsRejected(byte[] bytes) {
        DottedVersionVectorSet<Blob> decoded;
        try {
            decoded = SiblingSetCodec.decode(bytes);
        } catch (IllegalArgumentException e) {
            assertThat(e).hasMessageStartingWith("malformed sibling set: ");
            return;
        }
        assertThat(SiblingSetCodec.encode(decoded)).isEqualTo(bytes);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "empty                    | ''                                              | truncated format version",
            "future version           | 02 00 00 00                                     | unknown format version 2",
            "no history count         | 01                                              | truncated history entry count",
            "history count too large  | 01 02 01 61 01 00 00                            | history entry count 2 does not fit",
            "nodes out of order       | 01 02 01 62 01 00 00 01 61 01 00 00 00 00       | ascending order",
            "duplicate node           | 01 02 01 61 01 00 00 01 61 01 00 00 00 00       | unique",
            "zero counter             | 01 01 01 61 00 00 00 00 00                      | counter must be >= 1",
            "invalid node ID          | 01 01 01 20 01 00 00 00 00                      | invalid node ID",
            "node ID too long         | 01 01 41 61 01 00 00 00 00                      | node ID length 65 out of range",
            "nanoseconds too large    | 01 01 01 61 01 00 80 94 eb dc 03 00 00          | out of range",
            "seconds beyond Instant   | 01 01 01 61 01 80 80 80 80 80 80 80 80 40 00 00 00 | out of range",
            "non-minimal varint       | 01 01 01 61 81 00 00 00 00 00                   | not minimally encoded",
            "varint beyond 63 bits    | 01 01 01 61 ff ff ff ff ff ff ff ff ff 01 00 00 00 00 | exceeds 63 bits",
            "no sibling count         | 01 00 00                                        | truncated sibling count",
            "sibling count too large  | 01 00 00 01 00 00 00                            | sibling count 1 does not fit",
            "node index beyond        | 01 01 01 61 01 00 00 00 01 01 01 01 00 00       | node index 1 beyond the 1",
            "dot not covered          | 01 01 01 61 01 00 00 00 01 00 02 01 00 00       | dot a:2 is not covered",
            "dot counter zero         | 01 01 01 61 01 00 00 00 01 00 00 01 00 00       | dot a:0 is not covered",
            "unknown kind             | 01 01 01 61 01 00 00 00 01 00 01 02 00 00       | unknown kind 2",
            "dots out of order        | 01 01 01 61 02 00 00 00 02 00 02 01 00 00 00 01 01 00 00 | ascending order",
            "duplicate dot            | 01 01 01 61 02 00 00 00 02 00 01 01 00 00 00 01 01 00 00 | unique",
            "value longer than input  | 01 01 01 61 01 00 00 00 01 00 01 00 00 00 05 68 | value of sibling 0 length 5 out of range",
            "truncated value length   | 01 01 01 61 01 00 00 00 01 00 01 00 00 00       | truncated value of sibling 0 length",
            "trailing byte            | 01 00 00 00 00                                  | 1 trailing bytes",
    })
    void rejectsMalformedInput(String why, String bytes, String message) {
        assertThatThrownBy(() -> SiblingSetCodec.decode(hex(bytes)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("malformed sibling set: ")
                .hasMessageContaining(message);
    }

    @Test
    void rejectsNull() {
        assertThatThrownBy(() -> SiblingSetCodec.decode(null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("null");
    }
}
