package io.practicalsystems.platform.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.ws.rs.core.MediaType;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class StrictUtf8JsonBodiesTest {

    /** Overlong encodings, lone continuation bytes, truncated sequences, encoded surrogates, beyond U+10FFFF. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ff", "c0af", "80", "e282", "eda080", "f4908080", "7b2275726c223a22ff227d", "c3"})
    void refusesBytesThatAreNotUtf8(String hex) {
        assertThatThrownBy(() -> StrictUtf8JsonBodies.requireUtf8(HexFormat.of().parseHex(hex)))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.field()).isEqualTo("body"))
                .hasMessageContaining("not valid UTF-8");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"{\"url\":\"https://example.com/\"}", "{\"url\":\"https://例え.jp/ä😀\"}", ""})
    void acceptsUtf8(String body) {
        assertThatCode(() -> StrictUtf8JsonBodies.requireUtf8(body.getBytes(StandardCharsets.UTF_8)))
                .doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "{0}/{1} -> {2}")
    @CsvSource({"application,json,true", "application,merge-patch+json,true", "APPLICATION,JSON,true",
        "application,problem+json,true", "text,plain,false", "application,octet-stream,false", "text,json,false"})
    void checksJsonMediaTypesOnly(String type, String subtype, boolean json) {
        assertThat(StrictUtf8JsonBodies.isJson(new MediaType(type, subtype))).isEqualTo(json);
    }
}
