package io.practicalsystems.feed.external;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.regex.Pattern;

/**
 * One message on queue {@code feed.posts}: {@code {"token":"…","text":"…","replyTo":"…"?,"id":"…"?}} (JSON text).
 * {@code token} is the author's feed token ({@code POST /api/feed/sessions}); {@code id} is the producer's
 * idempotency key (1-{@value #MAX_ID_LENGTH} of {@code [A-Za-z0-9._:-]}; without it the JMS message ID is used), so a
 * message sent or delivered twice posts once. Bounded before anything is looked up: at most {@value #MAX_CHARS}
 * characters; the text's own rules ({@code PostText}) are checked when it is posted.
 */
public record ExternalPost(String token, String text, Long replyTo, String id) {

    /** A token (~1 KiB) and 500 code points of text, escaped, with room to spare. */
    public static final int MAX_CHARS = 16 * 1024;
    public static final int MAX_ID_LENGTH = 100;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1," + MAX_ID_LENGTH + "}");
    private static final Pattern POST_ID = Pattern.compile("[0-9]{1,19}");

    @Override
    public String toString() {
        return "ExternalPost[id=" + id + ", replyTo=" + replyTo + "]"; // never the token: it is a credential
    }

    /** Reads a message's text; {@link InvalidExternalPostException} naming what is wrong (never the token). */
    public static ExternalPost fromJson(String json) {
        if (json == null || json.isBlank()) {
            throw new InvalidExternalPostException("the message is empty");
        }
        if (json.length() > MAX_CHARS) {
            throw new InvalidExternalPostException("the message has " + json.length() + " characters, more than "
                    + MAX_CHARS);
        }
        JsonObject o;
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            o = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new InvalidExternalPostException("the message is not a JSON object");
        }
        String token = string(o, "token");
        String text = string(o, "text");
        if (token == null || text == null) {
            throw new InvalidExternalPostException("\"token\" and \"text\" must be strings");
        }
        String id = o.containsKey("id") && !o.isNull("id") ? string(o, "id") : null;
        if (o.containsKey("id") && !o.isNull("id") && (id == null || !ID.matcher(id).matches())) {
            throw new InvalidExternalPostException("\"id\" must be 1-" + MAX_ID_LENGTH
                    + " letters, digits or . _ : -");
        }
        return new ExternalPost(token, text, replyTo(o.get("replyTo")), id);
    }

    private static String string(JsonObject o, String field) {
        return o.get(field) instanceof JsonString s ? s.getString() : null;
    }

    private static Long replyTo(JsonValue value) {
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        String digits = value instanceof JsonString s ? s.getString()
                : value instanceof JsonNumber n ? n.toString() : "";
        if (!POST_ID.matcher(digits).matches()) {
            throw new InvalidExternalPostException("\"replyTo\" must be a post ID (a string of 1-19 digits)");
        }
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw new InvalidExternalPostException("\"replyTo\" must be a post ID (a string of 1-19 digits)");
        }
    }
}
