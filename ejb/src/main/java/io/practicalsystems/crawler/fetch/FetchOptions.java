package io.practicalsystems.crawler.fetch;

import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How a {@link PageFetcher} fetches. One fetcher per distinct options (the address policy is applied when a pooled
 * connection is opened, so a pool must not be shared between crawls that differ in {@code allowPrivateAddresses}).
 *
 * @param userAgent             sent with every request; should name the crawler and a contact URL
 * @param allowPrivateAddresses connect to loopback/private/link-local addresses too (the tests' local web)
 * @param maxBodyBytes          the decoded body is cut (and marked truncated) beyond this
 * @param acceptedContentTypes  media types whose body is read ("text/*" matches a family); empty = any
 * @param connectTimeout        for the TCP (and TLS) connection
 * @param readTimeout           the longest wait for the next bytes
 * @param deadline              the whole fetch, from the first byte sent to the last received
 * @param maxConnections        connections pooled across all hosts
 */
public record FetchOptions(String userAgent, boolean allowPrivateAddresses, long maxBodyBytes,
                           Set<String> acceptedContentTypes, Duration connectTimeout, Duration readTimeout,
                           Duration deadline, int maxConnections) {

    public static final Set<String> HTML_AND_TEXT =
            Set.of("text/html", "application/xhtml+xml", "text/plain", "application/xml", "text/xml");

    public FetchOptions {
        if (userAgent == null || userAgent.isBlank()) {
            throw new IllegalArgumentException("a user agent is required");
        }
        if (maxBodyBytes < 0) {
            throw new IllegalArgumentException("the maximum body size must not be negative");
        }
        positive(connectTimeout, "connect timeout");
        positive(readTimeout, "read timeout");
        positive(deadline, "deadline");
        if (maxConnections < 1) {
            throw new IllegalArgumentException("at least one connection is needed");
        }
        acceptedContentTypes = acceptedContentTypes.stream().map(t -> t.trim().toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Public addresses only, 2 MiB, HTML/XHTML/XML/plain text, 5 s connect, 10 s read, 30 s deadline, 64 connections. */
    public static FetchOptions defaults(String userAgent) {
        return new FetchOptions(userAgent, false, 2L << 20, HTML_AND_TEXT, Duration.ofSeconds(5),
                Duration.ofSeconds(10), Duration.ofSeconds(30), 64);
    }

    public FetchOptions withAllowPrivateAddresses(boolean allow) {
        return new FetchOptions(userAgent, allow, maxBodyBytes, acceptedContentTypes, connectTimeout, readTimeout,
                deadline, maxConnections);
    }

    public FetchOptions withMaxBodyBytes(long max) {
        return new FetchOptions(userAgent, allowPrivateAddresses, max, acceptedContentTypes, connectTimeout,
                readTimeout, deadline, maxConnections);
    }

    public FetchOptions withAcceptedContentTypes(Set<String> types) {
        return new FetchOptions(userAgent, allowPrivateAddresses, maxBodyBytes, types, connectTimeout, readTimeout,
                deadline, maxConnections);
    }

    public FetchOptions withTimeouts(Duration connect, Duration read, Duration overall) {
        return new FetchOptions(userAgent, allowPrivateAddresses, maxBodyBytes, acceptedContentTypes, connect, read,
                overall, maxConnections);
    }

    public FetchOptions withMaxConnections(int max) {
        return new FetchOptions(userAgent, allowPrivateAddresses, maxBodyBytes, acceptedContentTypes, connectTimeout,
                readTimeout, deadline, max);
    }

    /** Whether a response of this media type (lower case, no parameters; "" = none sent) has its body read. */
    public boolean accepts(String mediaType) {
        if (acceptedContentTypes.isEmpty() || mediaType.isEmpty() || acceptedContentTypes.contains(mediaType)) {
            return true;
        }
        int slash = mediaType.indexOf('/');
        return slash > 0 && acceptedContentTypes.contains(mediaType.substring(0, slash) + "/*");
    }

    private static void positive(Duration duration, String what) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("the " + what + " must be positive");
        }
    }
}
