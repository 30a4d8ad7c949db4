package io.practicalsystems.crawler.frontier;

import java.util.Objects;

/**
 * A URL offered to the frontier, already normalised and in scope. Lower priority value = sooner.
 *
 * @param hostKey the politeness unit: URLs with one host key are fetched one at a time, a delay apart
 * @param pathKey the URL without its query (what query variants are counted under), or {@code null}: not limited
 */
public record FrontierUrl(String url, String hostKey, int depth, int priority, String pathKey, UrlKind kind) {

    public FrontierUrl {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("a frontier URL must not be blank");
        }
        if (hostKey == null || hostKey.isBlank()) {
            throw new IllegalArgumentException("a frontier URL needs a host key: " + url);
        }
        if (depth < 0) {
            throw new IllegalArgumentException("depth must be >= 0, got " + depth);
        }
        Objects.requireNonNull(kind, "kind");
    }

    /** A page at {@code depth} whose priority is its depth (breadth first). */
    public static FrontierUrl page(String url, String hostKey, int depth, String pathKey) {
        return new FrontierUrl(url, hostKey, depth, depth, pathKey, UrlKind.PAGE);
    }
}
