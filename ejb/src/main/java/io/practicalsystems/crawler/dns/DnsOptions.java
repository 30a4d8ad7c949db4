package io.practicalsystems.crawler.dns;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How the crawler resolves names.
 *
 * @param servers     the DNS servers to ask; empty = the system's resolvers (/etc/resolv.conf)
 * @param timeout     how long one lookup may wait for a server
 * @param maxTtl      caps every cached TTL, positive and negative; empty = each record's own TTL
 * @param ipv6        also look up AAAA records
 */
public record DnsOptions(List<InetSocketAddress> servers, Duration timeout, Optional<Duration> maxTtl, boolean ipv6) {

    public DnsOptions {
        servers = List.copyOf(servers);
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the DNS timeout must be positive");
        }
        if (maxTtl.isPresent() && maxTtl.get().isNegative()) {
            throw new IllegalArgumentException("the maximum DNS TTL must not be negative");
        }
    }

    /** The system's resolvers, a 5 s timeout, records' own TTLs, A and AAAA. */
    public static DnsOptions defaults() {
        return new DnsOptions(List.of(), Duration.ofSeconds(5), Optional.empty(), true);
    }

    /**
     * Servers from configuration text: comma-separated {@code host:port}, {@code host} (port 53) or
     * {@code [ipv6]:port}; blank means the system's resolvers.
     */
    public DnsOptions withServers(String text) {
        return new DnsOptions(parseServers(text), timeout, maxTtl, ipv6);
    }

    public DnsOptions withServers(List<InetSocketAddress> servers) {
        return new DnsOptions(servers, timeout, maxTtl, ipv6);
    }

    public DnsOptions withTimeout(Duration timeout) {
        return new DnsOptions(servers, timeout, maxTtl, ipv6);
    }

    public DnsOptions withMaxTtl(Duration maxTtl) {
        return new DnsOptions(servers, timeout, Optional.of(maxTtl), ipv6);
    }

    public DnsOptions withIpv6(boolean ipv6) {
        return new DnsOptions(servers, timeout, maxTtl, ipv6);
    }

    static List<InetSocketAddress> parseServers(String text) {
        List<InetSocketAddress> servers = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return servers;
        }
        for (String item : text.split(",")) {
            String server = item.trim();
            if (server.isEmpty()) {
                continue;
            }
            String host = server;
            int port = 53;
            if (server.startsWith("[")) {
                int close = server.indexOf(']');
                if (close < 0) {
                    throw new IllegalArgumentException("DNS server '" + server + "': missing ']'");
                }
                host = server.substring(1, close);
                if (server.length() > close + 1) {
                    port = parsePort(server, server.substring(close + 1));
                }
            } else if (server.indexOf(':') >= 0 && server.indexOf(':') == server.lastIndexOf(':')) {
                host = server.substring(0, server.indexOf(':'));
                port = parsePort(server, server.substring(server.indexOf(':')));
            }
            servers.add(new InetSocketAddress(host, port));
        }
        return servers;
    }

    private static int parsePort(String server, String colonPort) {
        try {
            if (!colonPort.startsWith(":")) {
                throw new NumberFormatException();
            }
            int port = Integer.parseInt(colonPort.substring(1));
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("DNS server '" + server + "': the port must be a number from 1 to 65535");
        }
    }
}
