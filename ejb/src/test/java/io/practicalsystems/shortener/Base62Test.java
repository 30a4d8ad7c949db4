package io.practicalsystems.shortener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class Base62Test {

    @ParameterizedTest(name = "{0} <-> {1}")
    @CsvSource({
            "0, 0", "9, 9", "10, A", "35, Z", "36, a", "61, z", "62, 10", "3843, zz", "3844, 100",
            "9223372036854775807, AzL8n0Y58m7"
    })
    void encodesAndDecodesKnownValues(long value, String code) {
        assertThat(Base62.encode(value)).isEqualTo(code);
        assertThat(Base62.decode(code)).isEqualTo(value);
    }

    @Test
    void longMaxValueIsTheLongestCode() {
        assertThat(Base62.encode(Long.MAX_VALUE)).hasSize(Base62.MAX_LENGTH);
    }

    @ParameterizedTest
    @ValueSource(longs = {-1, Long.MIN_VALUE})
    void refusesToEncodeNegativeValues(long value) {
        assertThatThrownBy(() -> Base62.encode(value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("non-negative");
    }

    @ParameterizedTest
    @NullAndEmptySource
    void refusesToDecodeNothing(String code) {
        assertThatThrownBy(() -> Base62.decode(code))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a-b", "ab_", " ab", "ab ", "äb", "a+b", "a/b", "a.b"})
    void refusesToDecodeCharactersOutsideTheAlphabet(String code) {
        assertThatThrownBy(() -> Base62.decode(code))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not Base62");
    }

    @ParameterizedTest
    @ValueSource(strings = {"00", "01", "0abc", "0AzL8n0Y58m7"})
    void refusesNonCanonicalCodesWithLeadingZeros(String code) {
        assertThatThrownBy(() -> Base62.decode(code))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("leading zeros");
    }

    @ParameterizedTest
    @ValueSource(strings = {"AzL8n0Y58m8", "AzL8n0Y58n0", "B00000000000", "zzzzzzzzzzz", "100000000000",
            "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"})
    void refusesCodesAboveLongMaxValue(String code) {
        assertThatThrownBy(() -> Base62.decode(code))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("larger than Long.MAX_VALUE");
    }

    @Test
    void isBase62TestsTheCharacterSetOnly() {
        assertThat(Base62.isBase62("0")).isTrue();
        assertThat(Base62.isBase62("AzL8n0Y58m7")).isTrue();
        assertThat(Base62.isBase62("007")).as("non-canonical but all Base62 digits").isTrue();
        assertThat(Base62.isBase62("zzzzzzzzzzzzzzzz")).as("out of range but all Base62 digits").isTrue();
        assertThat(Base62.isBase62(null)).isFalse();
        assertThat(Base62.isBase62("")).isFalse();
        assertThat(Base62.isBase62("my-link")).isFalse();
        assertThat(Base62.isBase62("my_link")).isFalse();
        assertThat(Base62.isBase62("ä")).isFalse();
    }
}
