package io.practicalsystems.kv.ring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class TokenRangeTest {

    @Test
    void plainRangeExcludesStartIncludesEnd() {
        TokenRange range = new TokenRange(10, 20);

        assertThat(range.wraps()).isFalse();
        assertThat(range.contains(10)).isFalse();
        assertThat(range.contains(11)).isTrue();
        assertThat(range.contains(20)).isTrue();
        assertThat(range.contains(21)).isFalse();
    }

    @Test
    void wrappingRangeCoversBothEndsOfTheLongSpace() {
        TokenRange range = new TokenRange(100, -100);

        assertThat(range.wraps()).isTrue();
        assertThat(range.contains(Long.MAX_VALUE)).isTrue();
        assertThat(range.contains(Long.MIN_VALUE)).isTrue();
        assertThat(range.contains(-100)).isTrue();
        assertThat(range.contains(-99)).isFalse();
        assertThat(range.contains(100)).isFalse();
        assertThat(range.contains(0)).isFalse();
    }

    @Test
    void equalStartAndEndIsTheWholeRing() {
        TokenRange whole = new TokenRange(5, 5);

        assertThat(whole.isWholeRing()).isTrue();
        assertThat(whole.contains(5)).isTrue();
        assertThat(whole.contains(Long.MIN_VALUE)).isTrue();
        assertThat(whole.fractionOfRing()).isEqualTo(1.0);
    }

    @Test
    void fractionOfRingHandlesHugeAndWrappingRanges() {
        assertThat(new TokenRange(0, Long.MAX_VALUE).fractionOfRing()).isCloseTo(0.5, within(1e-12));
        assertThat(new TokenRange(Long.MIN_VALUE, Long.MAX_VALUE).fractionOfRing()).isCloseTo(1.0, within(1e-12));
        assertThat(new TokenRange(Long.MAX_VALUE, Long.MIN_VALUE).fractionOfRing()).isCloseTo(0x1p-64, within(1e-30));
        assertThat(new TokenRange(Long.MAX_VALUE / 2, Long.MIN_VALUE / 2).fractionOfRing())
                .isCloseTo(0.5, within(1e-12));
    }
}
