package io.practicalsystems.shortener.rest;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlainCreateBodyTest {

    private static final Jsonb JSONB = JsonbBuilder.create();

    /** Every body the fast path takes binds to the record JSON-B (what JAX-RS uses) makes of the same bytes. */
    @ParameterizedTest
    @ValueSource(strings = {
        "{\"url\":\"https://a.example/\"}",
        " { \"url\" : \"https://a.example/x?y=1\" , \"alias\" : \"my-alias\" } ",
        "{\"url\":\"https://a.example/\",\"alias\":null,\"expiresAt\":\"2030-01-01T00:00:00Z\",\"redirectType\":301,"
                + "\"idempotent\":true}",
        "{\"url\":\"https://a.example/\",\"redirectType\":-7,\"idempotent\":false}",
        "{\"url\":\"https://a.example/\",\"redirectType\":null,\"idempotent\":null}",
        "{\"url\":\"https://\\u00e4.example/\\ud83d\\ude00\"}",
        "{\"url\":\"https://a.example/\\ud800\"}",
        "{\"url\":\"https://ä.example/😀\"}",
        "{\"url\":\"\"}",
        "{\"alias\":\"only-alias\"}",
        "{}",
        "{\"url\":\"not a url\",\"redirectType\":0}"})
    void aPlainBodyIsReadAsJsonBBindsIt(String body) {
        assertThat(PlainCreateBody.parse(body.getBytes(StandardCharsets.UTF_8)))
                .contains(JSONB.fromJson(body, CreateLinkRequest.class));
    }

    /** Not sure what JAX-RS would make of these (or sure it refuses them): left to it. */
    @ParameterizedTest
    @ValueSource(strings = {
        "", " ", "null", "[]", "\"url\"", "42", "{", "{\"url\":\"https://a.example/\"", "{\"url\":\"https://a.example/\"}}",
        "{\"url\":\"https://a.example/\"} x", "{\"url\":\"https://a.example/\"}{}", "{\"url\":https://a.example/}",
        "{'url':'https://a.example/'}", "{\"url\":\"a\",\"url\":\"b\"}", "{\"url\":\"a\",\"other\":1}",
        "{\"URL\":\"a\"}", "{\"url\":42}", "{\"url\":true}", "{\"url\":[\"a\"]}", "{\"url\":{\"a\":1}}",
        "{\"redirectType\":\"301\"}", "{\"redirectType\":301.0}", "{\"redirectType\":3.01e2}",
        "{\"redirectType\":1e2}", "{\"redirectType\":0301}", "{\"redirectType\":9999999999}",
        "{\"redirectType\":1234567890}", "{\"redirectType\":true}", "{\"idempotent\":\"true\"}",
        "{\"idempotent\":1}", "{\"alias\":{}}", "{\"expiresAt\":1700000000}", "{\"url\":\"a\",}"})
    void anythingElseIsLeftToJaxRs(String body) {
        assertThat(PlainCreateBody.parse(body.getBytes(StandardCharsets.UTF_8))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"c3", "ff", "c0af", "eda080", "f4908080"})
    void bytesThatAreNotUtf8AreLeftToJaxRs(String hex) {
        byte[] invalid = java.util.HexFormat.of().parseHex(hex);
        byte[] prefix = "{\"url\":\"https://a.example/".getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[prefix.length + invalid.length + 2];
        System.arraycopy(prefix, 0, body, 0, prefix.length);
        System.arraycopy(invalid, 0, body, prefix.length, invalid.length);
        body[body.length - 2] = '"';
        body[body.length - 1] = '}';
        assertThat(PlainCreateBody.parse(body)).isEmpty();
    }
}
