package io.practicalsystems.platform.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class NumberParameterTest {

    @Test
    void acceptsTheBoundsAndTrims() {
        assertThat(NumberParameter.required("count", " 1 ", 1, 10)).isEqualTo(1);
        assertThat(NumberParameter.required("count", "10", 1, 10)).isEqualTo(10);
        assertThat(NumberParameter.required("id", "9223372036854775807", 0, Long.MAX_VALUE)).isEqualTo(Long.MAX_VALUE);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "  ", "0", "11", "-1", "abc", "1e3", "12.5", "99999999999999999999"})
    void rejectsWithTheFieldNamed(String raw) {
        assertThatThrownBy(() -> NumberParameter.required("count", raw, 1, 10))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.field()).isEqualTo("count"));
    }

    @Test
    void optionalFallsBackOnlyWhenAbsent() {
        assertThat(NumberParameter.optional("page", null, 0, 5, 0)).isZero();
        assertThat(NumberParameter.optional("page", " ", 0, 5, 0)).isZero();
        assertThat(NumberParameter.optional("page", "3", 0, 5, 0)).isEqualTo(3);
        assertThatThrownBy(() -> NumberParameter.optional("page", "6", 0, 5, 0))
                .isInstanceOf(InvalidParameterException.class);
    }
}
