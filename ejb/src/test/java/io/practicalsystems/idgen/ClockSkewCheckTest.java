package io.practicalsystems.idgen;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClockSkewCheckTest {

    @ParameterizedTest(name = "local {0}, reference {1}, bound {2} passes")
    @CsvSource({"100000, 100000, 0", "110000, 100000, 10000", "90000, 100000, 10000", "100001, 100000, 10000"})
    void skewWithinTheBoundPasses(long local, long reference, long bound) {
        assertThatCode(() -> ClockSkewCheck.verify(local, reference, bound)).doesNotThrowAnyException();
    }

    @Test
    void localClockAheadIsRefusedWithTheNumbers() {
        assertThatThrownBy(() -> ClockSkewCheck.verify(112_345, 100_000, 10_000))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("local clock is 12,345 ms ahead of Redis TIME; refusing to serve (bound 10,000 ms)");
    }

    @Test
    void localClockBehindIsRefusedWithTheNumbers() {
        assertThatThrownBy(() -> ClockSkewCheck.verify(100_000, 110_001, 10_000))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("local clock is 10,001 ms behind Redis TIME; refusing to serve (bound 10,000 ms)");
    }

    @Test
    void oneMillisecondOverAZeroBoundIsRefused() {
        assertThatThrownBy(() -> ClockSkewCheck.verify(1, 0, 0)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void referenceNameAppearsInTheMessage() {
        assertThatThrownBy(() -> ClockSkewCheck.verify(0, 5_000, 1_000, "database NOW()"))
                .hasMessageContaining("5,000 ms behind database NOW()");
    }

    @Test
    void negativeBoundIsAConfigurationError() {
        assertThatThrownBy(() -> ClockSkewCheck.verify(0, 0, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
