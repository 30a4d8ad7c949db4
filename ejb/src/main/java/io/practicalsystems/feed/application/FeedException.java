package io.practicalsystems.feed.application;

/**
 * A request the feed refuses, with the HTTP status it maps to and a sentence for the client (no class names). Thrown
 * before anything stored changes.
 */
public class FeedException extends RuntimeException {

    /** What went wrong, as the REST layer maps it. */
    public enum Kind {
        INVALID(400, "invalid-request", "Invalid request"),
        FORBIDDEN(403, "forbidden", "Not allowed"),
        NOT_FOUND(404, "not-found", "Not found"),
        CONFLICT(409, "conflict", "Conflict"),
        RATE_LIMITED(429, "rate-limited", "Too many requests");

        public final int status;
        public final String slug;
        public final String title;

        Kind(int status, String slug, String title) {
            this.status = status;
            this.slug = slug;
            this.title = title;
        }
    }

    private final Kind kind;
    private final long retryAfterSeconds;

    public FeedException(Kind kind, String message) {
        this(kind, message, 0);
    }

    private FeedException(Kind kind, String message, long retryAfterSeconds) {
        super(message);
        this.kind = kind;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public Kind kind() {
        return kind;
    }

    /** For {@link Kind#RATE_LIMITED}: when to try again (the answer's Retry-After); 0 otherwise. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public static FeedException rateLimited(String message, long retryAfterSeconds) {
        return new FeedException(Kind.RATE_LIMITED, message, Math.max(1, retryAfterSeconds));
    }

    public static FeedException notFound(String message) {
        return new FeedException(Kind.NOT_FOUND, message);
    }

    public static FeedException forbidden(String message) {
        return new FeedException(Kind.FORBIDDEN, message);
    }

    public static FeedException invalid(String message) {
        return new FeedException(Kind.INVALID, message);
    }

    public static FeedException conflict(String message) {
        return new FeedException(Kind.CONFLICT, message);
    }
}
