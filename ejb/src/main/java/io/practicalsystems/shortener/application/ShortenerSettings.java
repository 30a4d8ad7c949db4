package io.practicalsystems.shortener.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The URL shortener's settings (MicroProfile Config keys {@code ps.shortener.*}, env {@code PS_SHORTENER_*}). */
@ApplicationScoped
public class ShortenerSettings {

    /** Public base of short URLs, e.g. https://sho.rt; unset: the base URL of the request that created the link. */
    @Inject
    @ConfigProperty(name = "ps.shortener.base-url")
    Optional<String> baseUrl;

    /** Hosts that are this shortener (links to them would loop), besides the base URL's and the request's host. */
    @Inject
    @ConfigProperty(name = "ps.shortener.self-hosts", defaultValue = "localhost,127.0.0.1")
    String selfHosts;

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

    public Optional<String> baseUrl() {
        return baseUrl.map(url -> url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
    }

    public Set<String> selfHosts() {
        return csv(selfHosts);
    }

    public Set<String> blockedDomains() {
        return csv(blockedDomains);
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

    private static Set<String> csv(String value) {
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .map(s -> s.toLowerCase(java.util.Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }
}
