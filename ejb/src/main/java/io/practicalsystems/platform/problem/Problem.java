package io.practicalsystems.platform.problem;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.util.Map;
import java.util.Objects;

/**
 * An RFC 9457 problem, the only error body any endpoint returns (JAX-RS mappers and the container's error pages
 * alike). {@code detail} is a sentence for a person: never an exception message of an unexpected failure, never a
 * class name.
 *
 * @param slug   short machine-readable kind; becomes the {@code type} URI
 * @param detail may be null
 * @param extras extension members (e.g. {@code field}, {@code retryAfterSeconds}); numbers and booleans are written
 *               as such, anything else as its string, nulls are left out
 */
public record Problem(int status, String slug, String title, String detail, Map<String, ?> extras) {

    public static final String MEDIA_TYPE = "application/problem+json";
    static final String TYPE_BASE = "https://practicalsystems.io/problems/";

    public Problem {
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(title, "title");
        extras = extras == null ? Map.of() : extras;
    }

    public Problem(int status, String slug, String title, String detail) {
        this(status, slug, title, detail, Map.of());
    }

    /** The JSON document. */
    public String toJson() {
        JsonObjectBuilder body = Json.createObjectBuilder()
                .add("type", TYPE_BASE + slug)
                .add("title", title)
                .add("status", status);
        if (detail != null) {
            body.add("detail", detail);
        }
        extras.forEach((name, value) -> {
            if (value instanceof Integer i) {
                body.add(name, i);
            } else if (value instanceof Long l) {
                body.add(name, l);
            } else if (value instanceof Boolean b) {
                body.add(name, b);
            } else if (value != null) {
                body.add(name, value.toString());
            }
        });
        return body.build().toString();
    }
}
