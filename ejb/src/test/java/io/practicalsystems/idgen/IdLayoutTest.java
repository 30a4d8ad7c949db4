package io.practicalsystems.idgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class IdLayoutTest {

    @ParameterizedTest(name = "{0}/{1}/{2} rejected: {3}")
    @CsvSource({
            "41, 10, 13, must be 63",          // sum 64
            "41, 10, 11, must be 63",          // sum 62
            "0, 31, 32, timestampBits must be >= 1",
            "62, 0, 1, workerBits must be >= 1",
            "62, 1, 0, sequenceBits must be >= 1",
            "-1, 32, 32, timestampBits must be >= 1",
            "29, 12, 22, timestampBits must be >= 30",
            "30, 21, 12, workerBits must be <= 20",
            "30, 10, 23, sequenceBits must be <= 22",
            "2147483647, 1, 1, must be 63"     // would overflow an int sum
    })
    void rejectsInvalidLayouts(int timestampBits, int workerBits, int sequenceBits, String message) {
        assertThatThrownBy(() -> new IdLayout(timestampBits, workerBits, sequenceBits))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    @ParameterizedTest
    @CsvSource({"41, 10, 12", "30, 11, 22", "30, 20, 13", "61, 1, 1", "49, 10, 4"})
    void acceptsValidLayouts(int timestampBits, int workerBits, int sequenceBits) {
        IdLayout layout = new IdLayout(timestampBits, workerBits, sequenceBits);

        assertThat(layout.maxTimestamp()).isEqualTo((1L << timestampBits) - 1);
        assertThat(layout.maxWorkerId()).isEqualTo((1L << workerBits) - 1);
        assertThat(layout.maxSequence()).isEqualTo((1L << sequenceBits) - 1);
        assertThat(layout.workerCount()).isEqualTo(1 << workerBits);
    }

    @Test
    void defaultIsTwittersSplit() {
        assertThat(IdLayout.DEFAULT).isEqualTo(new IdLayout(41, 10, 12));
        assertThat(IdLayout.DEFAULT.workerCount()).isEqualTo(1024);
        assertThat(IdLayout.DEFAULT.maxSequence()).isEqualTo(4095);
        assertThat(IdLayout.DEFAULT.maxTimestamp()).isEqualTo(2_199_023_255_551L);
    }

    @Test
    void largestValuesFillAll63BitsAndStayPositive() {
        IdLayout layout = IdLayout.DEFAULT;

        long id = layout.encode(layout.maxTimestamp(), layout.maxWorkerId(), layout.maxSequence());

        assertThat(id).isEqualTo(Long.MAX_VALUE);
        assertThat(layout.decode(id)).isEqualTo(new DecodedId(id, layout.maxTimestamp(), 1023, 4095));
    }

    @Test
    void encodePlacesFieldsHighToLow() {
        assertThat(IdLayout.DEFAULT.encode(1, 2, 3)).isEqualTo((1L << 22) | (2L << 12) | 3);
    }

    @ParameterizedTest(name = "encode({0}, {1}, {2}) rejected")
    @CsvSource({
            "-1, 0, 0, timestampSinceEpoch",
            "2199023255552, 0, 0, timestampSinceEpoch",
            "0, -1, 0, workerId",
            "0, 1024, 0, workerId",
            "0, 0, -1, sequence",
            "0, 0, 4096, sequence"
    })
    void encodeRejectsOutOfRangeParts(long timestamp, long workerId, long sequence, String field) {
        assertThatThrownBy(() -> IdLayout.DEFAULT.encode(timestamp, workerId, sequence))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(field);
    }

    @ParameterizedTest
    @ValueSource(longs = {-1L, Long.MIN_VALUE})
    void decodeRejectsNegativeIds(long id) {
        assertThatThrownBy(() -> IdLayout.DEFAULT.decode(id))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("never negative");
    }

    @Test
    void parseReadsTheConfigFormatAndRoundTripsThroughSpec() {
        assertThat(IdLayout.parse("41/10/12")).isEqualTo(IdLayout.DEFAULT);
        assertThat(IdLayout.parse(" 49 / 10 / 4 ")).isEqualTo(new IdLayout(49, 10, 4));
        assertThat(IdLayout.parse(new IdLayout(30, 20, 13).spec())).isEqualTo(new IdLayout(30, 20, 13));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "41/10", "41/10/12/0", "41-10-12", "41/ten/12", "41//12", "41/10/12/"})
    void parseRejectsMalformedSpecs(String spec) {
        assertThatThrownBy(() -> IdLayout.parse(spec))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("41/10/12");
    }

    @Test
    void parseRejectsWellFormedButInvalidLayouts() {
        assertThatThrownBy(() -> IdLayout.parse("42/10/12"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be 63");
    }
}
