package io.practicalsystems.crawler.fetch;

import java.time.Duration;
import java.util.Optional;

/** What one fetch produced. */
public sealed interface FetchResult {

    /**
     * A 2xx response with an accepted content type and its (decoded) body.
     *
     * @param contentType the media type, lower case, without parameters ("" when the server sent none)
     * @param charset     the charset label from Content-Type as sent, or null
     * @param truncated   the body was longer than the limit and was cut there
     */
    record Fetched(int status, String url, String contentType, String charset, byte[] body, boolean truncated,
                   long elapsedMs) implements FetchResult {}

    /** A 3xx response with a Location, resolved against the request URL. Not followed. */
    record Redirect(int status, String location) implements FetchResult {}

    /** A 2xx response whose content type is not accepted; its body was not read. */
    record Skipped(int status, String contentType) implements FetchResult {}

    /** Any other status (4xx, 5xx, a 3xx without Location); the body is not read. Retry-After when sent. */
    record HttpError(int status, Optional<Duration> retryAfter) implements FetchResult {}

    /** No response. */
    record Failed(FailureKind kind, String message) implements FetchResult {}
}
