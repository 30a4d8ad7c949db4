package io.practicalsystems.kv.version;

import io.practicalsystems.kv.ring.NodeId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import io.practicalsystems.testsupport.Gens;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CausalContextCodecTest {

    static CausalContext context(Map<String, Long> counters) {
        Map<NodeId, Long> byNode = new TreeMap<>();
        counters.forEach((node, counter) -> byNode.put(NodeId.of(node), counter));
        return CausalContext.of(VersionVector.of(byNode));
    }

    static String token(int... bytes) {
        byte[] raw = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            raw[i] = (byte) bytes[i];
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }

    @Test
    void roundTripsTypicalContextsInAFewCharacters() {
        CausalContext typical = context(Map.of("kv-1", 12L, "kv-2", 3L, "kv-3", 40_000L));

        String token = typical.encode();

        assertThat(CausalContext.decode(token)).isEqualTo(typical);
        assertThat(token).matches("[A-Za-z0-9_-]+").hasSizeLessThan(40);
        assertThat(CausalContext.empty().encode()).isEqualTo("AQA");
        assertThat(CausalContext.decode("AQA")).isEqualTo(CausalContext.empty());
    }

    @Test
    void roundTripsExtremes() {
        CausalContext extreme = context(Map.of("a", Long.MAX_VALUE, "x".repeat(NodeId.MAX_LENGTH), 1L));

        assertThat(CausalContext.decode(extreme.encode())).isEqualTo(extreme);
    }

    @Test
    void carriesCountersOnly() {
        VersionVector withTimes = VersionVector.empty().increment(NodeId.of("a"), Instant.parse("2026-01-01T00:00:00Z"));

        assertThat(CausalContext.decode(CausalContext.of(withTimes).encode()).vector())
                .isEqualTo(withTimes.countersOnly());
    }

    @Test
    void decodeInvertsEncode() {
        qt().forAll(Gens.mapsOf(VersionGens.nodeNames(), longs().between(1, Long.MAX_VALUE), 8))
                .checkAssert(counters -> assertThat(CausalContext.decode(context(counters).encode()))
                        .isEqualTo(context(counters)));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @CsvSource(delimiter = '|', value = {
            "empty string      | ''           | empty",
            "not base64url     | 'a+b/'       | not base64url",
            "wrong version     | AAA          | unknown format version",
            "no entry count    | AQ           | truncated entry count",
            "count too large   | AQU          | does not fit",
            "truncated node    | AQEFYQE      | node ID length 5 out of range",
            "zero counter      | AQEBYQA      | counter must be >= 1",
            "truncated counter | AQEBYYE      | truncated counter",
            "trailing bytes    | AQEBYQEA     | trailing bytes",
            "padded            | AQA=         | canonical",
            "blank node        | AQEBIAE      | invalid node ID",
    })
    void rejectsMalformedTokens(String why, String token, String message) {
        assertThatThrownBy(() -> CausalContext.decode(token))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("malformed causal context")
                .hasMessageContaining(message);
    }

    @Test
    void rejectsStructurallyBrokenEntries() {
        String unsorted = token(1, 2, 1, 'b', 1, 1, 'a', 1);
        String duplicate = token(1, 2, 1, 'a', 1, 1, 'a', 2);
        String invalidUtf8 = token(1, 1, 1, 0xFF, 1);
        String nonMinimalVarint = token(1, 1, 1, 'a', 0x81, 0x00);
        String overflowingVarint = token(1, 1, 1, 'a', 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01);

        assertThatThrownBy(() -> CausalContext.decode(unsorted)).hasMessageContaining("ascending");
        assertThatThrownBy(() -> CausalContext.decode(duplicate)).hasMessageContaining("unique");
        assertThatThrownBy(() -> CausalContext.decode(invalidUtf8)).hasMessageContaining("invalid node ID");
        assertThatThrownBy(() -> CausalContext.decode(nonMinimalVarint)).hasMessageContaining("minimally");
        assertThatThrownBy(() -> CausalContext.decode(overflowingVarint)).hasMessageContaining("63 bits");
    }

    @Test
    void rejectsNullAndOversizedTokens() {
        assertThatThrownBy(() -> CausalContext.decode(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CausalContext.decode("A".repeat(CausalContextCodec.MAX_TOKEN_CHARS + 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("longer than");
    }
}
