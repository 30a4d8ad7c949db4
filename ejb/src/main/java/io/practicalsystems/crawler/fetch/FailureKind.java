package io.practicalsystems.crawler.fetch;

/** Why a fetch produced no HTTP response. */
public enum FailureKind {
    /** The host name did not resolve (no such name, no address, or the DNS lookup failed). */
    DNS,
    /** The host resolved only to addresses the crawl may not connect to (loopback, private, …). */
    REFUSED_ADDRESS,
    /** The connection was refused or the host unreachable. */
    CONNECT,
    /** Connecting, or waiting for the next bytes, took longer than the connect or read timeout. */
    TIMEOUT,
    /** The whole response did not arrive before the overall deadline (a server that drips bytes). */
    TOO_SLOW,
    /** The TLS handshake failed (certificate, protocol). */
    TLS,
    /** The URL cannot be fetched: not http(s), no host, or a redirect Location that is not a URL. */
    INVALID_URL,
    /** Any other transport or protocol error (connection reset, malformed response, corrupt gzip). */
    IO
}
