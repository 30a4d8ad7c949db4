package io.practicalsystems.crawler.dns;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * A host resolved only to addresses the crawl may not connect to. An {@link UnknownHostException} so that it passes
 * through HTTP clients' resolver interfaces unchanged and the fetcher can tell it from a DNS failure.
 */
public final class RefusedAddressException extends UnknownHostException {

    private final transient InetAddress address;
    private final String reason;

    public RefusedAddressException(String host, InetAddress address, String reason) {
        super(host + " resolves to " + address.getHostAddress() + ", a " + reason
                + " address, which this crawl may not connect to");
        this.address = address;
        this.reason = reason;
    }

    public InetAddress address() {
        return address;
    }

    public String reason() {
        return reason;
    }
}
