package io.practicalsystems.shortener.application;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import io.practicalsystems.shortener.UrlPolicy;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The URL shortener's settings (MicroProfile Config keys {@code ps.shortener.*}, env {@code PS_SHORTENER_*}). */
@ApplicationScoped
public class ShortenerSettings {

    /**
     * Public base of short URLs, e.g. {@code https://sho.rt}; its host is also refused as a link target. Never taken
     * from a request: the {@code Host} header is the client's to write. server.xml defaults it to
     * {@code http://localhost:${http.port}}.
     */
    @Inject
    @ConfigProperty(name = "ps.shortener.public-base-url", defaultValue = "http://localhost:9080")
    String publicBaseUrl;

    /** The name this setting had while it defaulted to the request's base URL; refused so a rename is not silent. */
    @Inject
    @ConfigProperty(name = "ps.shortener.base-url")
    Optional<String> renamedBaseUrl;

    /** More names or addresses of this shortener (links to them would loop), besides the public base URL's host. */
    @Inject
    @ConfigProperty(name = "ps.shortener.self-hosts")
    Optional<String> selfHosts;

    @Inject
    @ConfigProperty(name = "ps.shortener.blocked-domains", defaultValue = "example-malware.test,phishing.test")
    String blockedDomains;

    @Inject
    @ConfigProperty(name = "ps.shortener.max-url-length", defaultValue = "2048")
    int maxUrlLength;

    @Inject
    @ConfigProperty(name = "ps.shortener.cache.ttl.s", defaultValue = "3600")
    long cacheTtlSeconds;

    @Inject
    @ConfigProperty(name = "ps.shortener.cache.negative-ttl.s", defaultValue = "30")
    long negativeCacheTtlSeconds;

    @Inject
    @ConfigProperty(name = "ps.shortener.max-expiry.days", defaultValue = "3650")
    long maxExpiryDays;

    @Inject
    @ConfigProperty(name = "ps.shortener.page.max", defaultValue = "100")
    int maxPageSize;

    private URI publicBase;
    private Set<String> selfHostSet;
    private Set<String> blockedDomainSet;
    private volatile PolicyForAddresses lastPolicy;

    @PostConstruct
    void validate() {
        if (renamedBaseUrl.isPresent()) {
            throw new IllegalStateException("PS_SHORTENER_BASE_URL (ps.shortener.base-url) was renamed: set "
                    + "PS_SHORTENER_PUBLIC_BASE_URL (ps.shortener.public-base-url) instead");
        }
        publicBase = parsePublicBase(publicBaseUrl);
        selfHostSet = Stream.concat(csv(selfHosts.orElse("")).stream(), Stream.of(publicBase.getHost()))
                .collect(Collectors.toUnmodifiableSet());
        blockedDomainSet = csv(blockedDomains);
    }

    /** The public base URL without a trailing slash; short URLs are {@code <publicBaseUrl>/<code>}. */
    public String publicBaseUrl() {
        String url = publicBase.toString();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** The shortener's own names and addresses: the public base URL's host and {@code ps.shortener.self-hosts}. */
    public Set<String> selfHosts() {
        return selfHostSet;
    }

    public Set<String> blockedDomains() {
        return blockedDomainSet;
    }

    /**
     * The destination rules with these settings and {@code serverAddresses} (this server's own, from
     * ServerAddresses). Kept while the same address set is passed: building a policy canonicalises every host.
     */
    public UrlPolicy urlPolicy(Set<InetAddress> serverAddresses) {
        PolicyForAddresses last = lastPolicy;
        if (last == null || last.addresses() != serverAddresses) {
            last = new PolicyForAddresses(serverAddresses,
                    new UrlPolicy(maxUrlLength, blockedDomainSet, selfHostSet, serverAddresses));
            lastPolicy = last;
        }
        return last.policy();
    }

    private record PolicyForAddresses(Set<InetAddress> addresses, UrlPolicy policy) {
    }

    public int maxUrlLength() {
        return maxUrlLength;
    }

    public Duration cacheTtl() {
        return Duration.ofSeconds(cacheTtlSeconds);
    }

    public Duration negativeCacheTtl() {
        return Duration.ofSeconds(negativeCacheTtlSeconds);
    }

    public Duration maxExpiry() {
        return Duration.ofDays(maxExpiryDays);
    }

    public int maxPageSize() {
        return maxPageSize;
    }

    static URI parsePublicBase(String value) {
        String problem;
        try {
            URI uri = new URI(value.strip());
            boolean http = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
            if (http && uri.getHost() != null && uri.getRawQuery() == null && uri.getRawFragment() == null
                    && uri.getRawUserInfo() == null) {
                return uri;
            }
            problem = "it must be an http(s) URL with a host and no user, query or fragment";
        } catch (URISyntaxException e) {
            problem = e.getMessage();
        }
        throw new IllegalStateException("PS_SHORTENER_PUBLIC_BASE_URL (ps.shortener.public-base-url) '" + value
                + "' is not a usable public base URL: " + problem);
    }

    private static Set<String> csv(String value) {
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .map(s -> s.toLowerCase(java.util.Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }
}
