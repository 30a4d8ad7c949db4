package io.practicalsystems.platform.problem;

import java.util.Map;

/**
 * The generic problem for an HTTP status that has no more specific cause: what the container's error pages and the
 * JAX-RS mapper for the implementation's own exceptions (404, 405, 415…) answer. The implementation's messages
 * ("RESTEASY003210: …", "SRVE0190E: …") name its classes and are noise to a client, so each status says in a
 * sentence what happened and what to do instead.
 */
public final class StatusProblems {

    /** Longest part of a request path repeated in a 404's detail: the client sent it, it needs no more. */
    static final int MAX_ECHOED_PATH = 200;

    private record Kind(String slug, String title, String detail) {
    }

    private static final Map<Integer, Kind> KINDS = Map.ofEntries(
            Map.entry(400, new Kind("invalid-request", "Invalid request",
                    "The request is malformed: check the URI's percent-encoding, the headers and the body.")),
            Map.entry(401, new Kind("unauthorized", "Unauthorized",
                    "This resource needs the administrator's credentials (HTTP Basic authentication).")),
            Map.entry(403, new Kind("forbidden", "Forbidden", "These credentials do not permit this request.")),
            Map.entry(404, new Kind("not-found", "Not Found", "No resource at this path.")),
            Map.entry(405, new Kind("method-not-allowed", "Method Not Allowed",
                    "This resource does not support that HTTP method.")),
            Map.entry(406, new Kind("not-acceptable", "Not Acceptable",
                    "This resource cannot produce the requested media type.")),
            Map.entry(408, new Kind("request-timeout", "Request Timeout",
                    "The request did not arrive in time; send it again.")),
            Map.entry(411, new Kind("length-required", "Length Required",
                    "This request needs a Content-Length header.")),
            Map.entry(413, new Kind("body-too-large", "Request body too large",
                    "The request body is larger than this resource accepts.")),
            Map.entry(414, new Kind("uri-too-long", "URI Too Long", "The request URI is longer than this server accepts.")),
            Map.entry(415, new Kind("unsupported-media-type", "Unsupported Media Type",
                    "This resource does not accept that Content-Type.")),
            Map.entry(431, new Kind("header-fields-too-large", "Request Header Fields Too Large",
                    "The request's headers are larger than this server accepts.")),
            Map.entry(501, new Kind("not-implemented", "Not Implemented",
                    "This server does not support that HTTP method.")),
            Map.entry(503, new Kind("service-unavailable", "Service Unavailable",
                    "The service is unavailable; try again shortly.")));

    private StatusProblems() {
    }

    /** The problem for {@code status}; a 404 names the path it looked for. */
    public static Problem of(int status, String path) {
        Kind kind = KINDS.get(status);
        if (kind == null) {
            return status >= 500
                    ? new Problem(status, "internal-error", "Internal Server Error", "Unexpected failure.")
                    : new Problem(status, "http-" + status, "Request refused",
                            "The request was refused with HTTP status " + status + ".");
        }
        String detail = status == 404 && path != null && !path.isEmpty() ? "No resource at " + bounded(path) : kind.detail;
        return new Problem(status, kind.slug, kind.title, detail);
    }

    private static String bounded(String path) {
        return path.length() <= MAX_ECHOED_PATH ? path : path.substring(0, MAX_ECHOED_PATH) + "…";
    }
}
