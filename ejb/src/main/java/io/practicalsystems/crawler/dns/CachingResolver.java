package io.practicalsystems.crawler.dns;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.Address;
import org.xbill.DNS.Cache;
import org.xbill.DNS.DClass;
import org.xbill.DNS.ExtendedResolver;
import org.xbill.DNS.Lookup;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * Resolves host names to addresses through dnsjava with a cache of its own: every answer is kept for its record's
 * TTL (optionally capped), and "no such name" / "no address of this type" answers for the negative TTL of the zone's
 * SOA (RFC 2308), so a crawl asks the DNS server about a host once per TTL however many pages it fetches there.
 * Temporary failures (timeouts, SERVFAIL) are not cached. IP literals are returned without a lookup; no name is
 * special-cased (not even {@code localhost}: the hosts file is not read), so what a name reaches is decided by DNS
 * and then by {@link AddressPolicy}. Thread-safe.
 */
public final class CachingResolver {

    private final Resolver resolver;
    private final Cache cache;
    private final boolean ipv6;

    public CachingResolver(DnsOptions options) {
        this.resolver = resolverFor(options);
        this.cache = new Cache(DClass.IN);
        options.maxTtl().ifPresent(max -> {
            int seconds = (int) Math.min(Integer.MAX_VALUE, max.toSeconds());
            cache.setMaxCache(seconds);
            cache.setMaxNCache(seconds);
        });
        this.ipv6 = options.ipv6();
    }

    /** The system's resolvers with default options. */
    public static CachingResolver system() {
        return new CachingResolver(DnsOptions.defaults());
    }

    /**
     * The host's addresses: IPv4 first, then IPv6 (when enabled).
     *
     * @throws DnsLookupException when the name does not exist, has no address, or the lookup failed
     */
    public List<InetAddress> resolve(String host) throws DnsLookupException {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        InetAddress literal = literal(bare);
        if (literal != null) {
            return List.of(literal);
        }
        Name name;
        try {
            name = Name.fromString(bare.endsWith(".") ? bare : bare + ".");
        } catch (TextParseException e) {
            throw new DnsLookupException(host, DnsLookupException.Kind.NOT_FOUND, "not a valid host name");
        }
        List<InetAddress> addresses = new ArrayList<>();
        LookupOutcome v4 = lookup(name, Type.A, addresses);
        LookupOutcome v6 = ipv6 ? lookup(name, Type.AAAA, addresses) : v4;
        if (!addresses.isEmpty()) {
            return List.copyOf(addresses);
        }
        if (v4 == LookupOutcome.NOT_FOUND || v6 == LookupOutcome.NOT_FOUND) {
            throw new DnsLookupException(host, DnsLookupException.Kind.NOT_FOUND, "no such host name");
        }
        if (v4 == LookupOutcome.TEMPORARY || v6 == LookupOutcome.TEMPORARY) {
            throw new DnsLookupException(host, DnsLookupException.Kind.TEMPORARY, "DNS lookup failed, try again later");
        }
        throw new DnsLookupException(host, DnsLookupException.Kind.NO_ADDRESS, "the name has no address");
    }

    /** Forgets every cached answer. */
    public void clear() {
        cache.clearCache();
    }

    private enum LookupOutcome { FOUND, NOT_FOUND, NO_DATA, TEMPORARY }

    private LookupOutcome lookup(Name name, int type, List<InetAddress> into) {
        Lookup lookup = new Lookup(name, type, DClass.IN);
        lookup.setResolver(resolver);
        lookup.setCache(cache);
        lookup.setSearchPath(List.of());
        lookup.setHostsFileParser(null);
        Record[] records = lookup.run();
        switch (lookup.getResult()) {
            case Lookup.SUCCESSFUL -> {
                for (Record record : records) {
                    if (record instanceof ARecord a) {
                        into.add(a.getAddress());
                    } else if (record instanceof AAAARecord aaaa) {
                        into.add(aaaa.getAddress());
                    }
                }
                return LookupOutcome.FOUND;
            }
            case Lookup.HOST_NOT_FOUND -> {
                return LookupOutcome.NOT_FOUND;
            }
            case Lookup.TYPE_NOT_FOUND -> {
                return LookupOutcome.NO_DATA;
            }
            default -> {
                return LookupOutcome.TEMPORARY;
            }
        }
    }

    private static InetAddress literal(String host) {
        int family = host.indexOf(':') >= 0 ? Address.IPv6 : Address.IPv4;
        byte[] bytes = Address.toByteArray(host, family);
        if (bytes == null) {
            return null;
        }
        try {
            return InetAddress.getByAddress(host, bytes);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static Resolver resolverFor(DnsOptions options) {
        List<Resolver> resolvers = new ArrayList<>();
        for (InetSocketAddress server : options.servers()) {
            SimpleResolver simple = new SimpleResolver(server);
            simple.setTimeout(options.timeout());
            resolvers.add(simple);
        }
        if (resolvers.isEmpty()) {
            ExtendedResolver system = new ExtendedResolver();
            system.setTimeout(options.timeout());
            return system;
        }
        if (resolvers.size() == 1) {
            return resolvers.get(0);
        }
        ExtendedResolver extended = new ExtendedResolver(resolvers);
        extended.setTimeout(options.timeout());
        return extended;
    }
}
