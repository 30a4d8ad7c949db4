package io.practicalsystems.shortener.rest;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The body of {@code POST /api/urls} read by {@link CreateFastPath}, only when it is plainly what JSON-B would bind
 * to the same {@link CreateLinkRequest}: valid UTF-8, one JSON object whose members are fields of the record, each
 * at most once, with a value of exactly the field's JSON type or null ({@code url}, {@code alias},
 * {@code expiresAt}: strings; {@code redirectType}: a plain integer; {@code idempotent}: true or false).
 *
 * <p>Anything else — malformed JSON, invalid bytes, trailing text, a duplicate, an unknown or nested member, a
 * number JSON-B might read differently ({@code 3.0e2}), a string where a number is expected — is empty: not sure,
 * so JAX-RS reads the body as before and gives its own answer (400, or whatever it binds).
 */
final class PlainCreateBody {

    /** An int without sign tricks or exponent: JSON-B reads it as the same Integer. */
    private static final Pattern PLAIN_INT = Pattern.compile("-?(0|[1-9][0-9]{0,8})");
    /** One factory for every create: {@code Json.createParser} looks the JSON-P provider up again on each call. */
    private static final JsonParserFactory PARSERS = Json.createParserFactory(null);

    private PlainCreateBody() {
    }

    static Optional<CreateLinkRequest> parse(byte[] body) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
        try (JsonParser parser = PARSERS.createParser(new StringReader(text))) {
            if (!parser.hasNext() || parser.next() != JsonParser.Event.START_OBJECT) {
                return Optional.empty();
            }
            Fields fields = new Fields();
            JsonParser.Event event;
            while ((event = parser.next()) == JsonParser.Event.KEY_NAME) {
                if (!fields.read(parser.getString(), parser)) {
                    return Optional.empty();
                }
            }
            if (event != JsonParser.Event.END_OBJECT || parser.hasNext()) {
                return Optional.empty();
            }
            return Optional.of(fields.request());
        } catch (JsonException | IllegalStateException | java.util.NoSuchElementException e) {
            return Optional.empty(); // malformed: JAX-RS answers it
        }
    }

    /** The members read so far. */
    private static final class Fields {
        private final Set<String> seen = new HashSet<>();
        private String url;
        private String alias;
        private String expiresAt;
        private Integer redirectType;
        private Boolean idempotent;

        /** Reads the value of member {@code name}; false when it is not plainly one of the record's fields. */
        boolean read(String name, JsonParser parser) {
            if (!seen.add(name)) {
                return false;
            }
            JsonParser.Event value = parser.next();
            switch (name) {
                case "url", "alias", "expiresAt" -> {
                    if (value != JsonParser.Event.VALUE_STRING && value != JsonParser.Event.VALUE_NULL) {
                        return false;
                    }
                    String string = value == JsonParser.Event.VALUE_NULL ? null : parser.getString();
                    switch (name) {
                        case "url" -> url = string;
                        case "alias" -> alias = string;
                        default -> expiresAt = string;
                    }
                    return true;
                }
                case "redirectType" -> {
                    if (value == JsonParser.Event.VALUE_NULL) {
                        return true;
                    }
                    if (value != JsonParser.Event.VALUE_NUMBER || !PLAIN_INT.matcher(parser.getString()).matches()) {
                        return false;
                    }
                    redirectType = Integer.valueOf(parser.getString());
                    return true;
                }
                case "idempotent" -> {
                    switch (value) {
                        case VALUE_TRUE -> idempotent = Boolean.TRUE;
                        case VALUE_FALSE -> idempotent = Boolean.FALSE;
                        case VALUE_NULL -> idempotent = null;
                        default -> {
                            return false;
                        }
                    }
                    return true;
                }
                default -> {
                    return false;
                }
            }
        }

        CreateLinkRequest request() {
            return new CreateLinkRequest(url, alias, expiresAt, redirectType, idempotent);
        }
    }
}
