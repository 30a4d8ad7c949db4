package io.practicalsystems.crawler.dns;

import java.net.UnknownHostException;

/** A host name that did not resolve: it does not exist, has no address, or the lookup failed for now. */
public final class DnsLookupException extends UnknownHostException {

    /** NOT_FOUND (NXDOMAIN) and NO_ADDRESS are answers (cached by their negative TTL); TEMPORARY may succeed later. */
    public enum Kind { NOT_FOUND, NO_ADDRESS, TEMPORARY }

    private final Kind kind;

    public DnsLookupException(String host, Kind kind, String detail) {
        super(host + ": " + detail);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public boolean temporary() {
        return kind == Kind.TEMPORARY;
    }
}
