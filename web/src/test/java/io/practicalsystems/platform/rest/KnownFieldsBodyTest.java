package io.practicalsystems.platform.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.JsonbException;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class KnownFieldsBodyTest {

    public record Inner(String kind, Long size) {
    }

    public record Outer(List<String> seeds, Long maxDepth, Inner inner, @JsonbProperty("renamed") String original) {
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    @Test
    void acceptsKnownFieldsNestedAndRenamedOnes() {
        assertThatCode(() -> KnownFieldsBody.refuseUnknown(json(
                "{\"seeds\":[],\"maxDepth\":1,\"inner\":{\"kind\":\"x\",\"size\":2},\"renamed\":\"r\"}"), Outer.class,
                "")).doesNotThrowAnyException();
        assertThatCode(() -> KnownFieldsBody.refuseUnknown(json("{\"inner\":null}"), Outer.class, ""))
                .doesNotThrowAnyException();
    }

    @Test
    void bindsAKnownBodyAndTakesAnEmptyOneForNone() {
        Outer bound = KnownFieldsBody.bind(stream("{\"seeds\":[\"a\"],\"inner\":{\"kind\":\"k\",\"size\":3}}"),
                Outer.class);
        assertThat(bound.seeds()).containsExactly("a");
        assertThat(bound.inner()).isEqualTo(new Inner("k", 3L));
        assertThat(KnownFieldsBody.bind(stream(""), Outer.class)).isNull();
    }

    @Test
    void aBodyThatIsNotAnObjectOrNotUtf8IsJsonBsRefusal() {
        assertThatThrownBy(() -> KnownFieldsBody.bind(stream("[1]"), Outer.class)).isInstanceOf(JsonbException.class);
        assertThatThrownBy(() -> KnownFieldsBody.bind(stream("{\"seeds\":"), Outer.class))
                .isInstanceOf(JsonbException.class);
        byte[] latin1 = "{\"seeds\":[\"caf\u00e9\"]}".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> KnownFieldsBody.bind(new ByteArrayInputStream(latin1), Outer.class))
                .satisfies(e -> assertThat(StrictUtf8JsonBodies.causedByInvalidUtf8(e)).isTrue());
    }

    private static ByteArrayInputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void refusesATypoNamingIt() {
        assertThatThrownBy(() -> KnownFieldsBody.refuseUnknown(json("{\"seeds\":[],\"maxDepht\":1}"), Outer.class,
                "")).isInstanceOfSatisfying(InvalidParameterException.class, e -> {
                    assertThat(e.field()).isEqualTo("maxDepht");
                    assertThat(e.getMessage()).contains("'maxDepht'", "maxDepth", "renamed").doesNotContain("original");
                });
    }

    @Test
    void refusesAnUnknownNestedFieldWithItsPath() {
        assertThatThrownBy(() -> KnownFieldsBody.refuseUnknown(json("{\"inner\":{\"kidn\":\"x\"}}"), Outer.class,
                "")).isInstanceOfSatisfying(InvalidParameterException.class, e -> {
                    assertThat(e.field()).isEqualTo("inner.kidn");
                    assertThat(e.getMessage()).contains("'inner' may have kind, size");
                });
    }
}
