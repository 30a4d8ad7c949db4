package io.practicalsystems.crawler.fetch;

import io.practicalsystems.crawler.dns.AddressPolicy;
import io.practicalsystems.crawler.dns.CachingResolver;
import io.practicalsystems.crawler.dns.RefusedAddressException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.apache.hc.client5.http.DnsResolver;

/**
 * The HTTP client's resolver: names go through the crawler's caching resolver, and only addresses the policy
 * permits are returned, so the client can never open a connection to a refused address whatever a name (or a
 * redirect, or an IP literal) points at. A host with some refused addresses is reached through the others.
 */
final class PolicyDnsResolver implements DnsResolver {

    private final CachingResolver resolver;
    private final AddressPolicy policy;

    PolicyDnsResolver(CachingResolver resolver, AddressPolicy policy) {
        this.resolver = resolver;
        this.policy = policy;
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        List<InetAddress> all = resolver.resolve(host);
        List<InetAddress> permitted = all.stream().filter(policy::permits).toList();
        if (permitted.isEmpty()) {
            InetAddress refused = all.get(0);
            throw new RefusedAddressException(host, refused, policy.refusal(refused).orElseThrow());
        }
        return permitted.toArray(InetAddress[]::new);
    }

    @Override
    public String resolveCanonicalHostname(String host) {
        return host;
    }
}
