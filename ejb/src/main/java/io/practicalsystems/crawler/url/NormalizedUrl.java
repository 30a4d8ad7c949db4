package io.practicalsystems.crawler.url;

/**
 * An http(s) URL in the normal form {@link UrlNormalizer} produces; two URLs for the same page have equal values.
 *
 * @param value  the whole URL: {@code scheme://host[:port]path[?query]}, no fragment
 * @param scheme {@code http} or {@code https}
 * @param host   lower-case ASCII host (IDN in punycode), an IPv6 literal in brackets
 * @param port   the effective port, 80 or 443 when the URL names none
 * @param path   starts with {@code /}, dot segments removed, percent-encoding normalised
 * @param query  without the {@code ?}; empty when the URL has none
 */
public record NormalizedUrl(String value, String scheme, String host, int port, String path, String query) {

    /** Host plus {@code :port} when the port is not the scheme's default: the unit politeness is applied to. */
    public String hostKey() {
        return port == UrlNormalizer.defaultPort(scheme) ? host : host + ":" + port;
    }

    /** {@code scheme://hostKey}, the origin robots.txt belongs to. */
    public String origin() {
        return scheme + "://" + hostKey();
    }

    /** The URL of this origin's robots.txt. */
    public String robotsUrl() {
        return origin() + "/robots.txt";
    }

    @Override
    public String toString() {
        return value;
    }
}
