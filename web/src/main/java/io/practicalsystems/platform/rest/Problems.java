package io.practicalsystems.platform.rest;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/** Builds RFC 9457 problem+json responses, the only error body any endpoint returns. */
public final class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final MediaType PROBLEM_JSON = MediaType.valueOf(MEDIA_TYPE);
    private static final String TYPE_BASE = "https://practicalsystems.io/problems/";

    private Problems() {
    }

    /**
     * @param slug   short machine-readable kind, becomes the problem {@code type} URI
     * @param extras extension members (e.g. {@code field}, {@code retryAfterSeconds}); values are written as strings
     *               unless they are numbers or booleans
     */
    public static Response.ResponseBuilder problem(int status, String slug, String title, String detail,
                                                   Map<String, ?> extras) {
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
        return Response.status(status).type(PROBLEM_JSON).entity(body.build().toString());
    }

    public static Response badRequest(String field, String detail) {
        return problem(400, "invalid-request", "Invalid request", detail, Map.of("field", field)).build();
    }

    public static Response of(int status, String slug, String title, String detail) {
        return problem(status, slug, title, detail, Map.of()).build();
    }
}
