package io.practicalsystems.shortener;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Which destination URLs may be shortened, and the normalised form that is stored.
 *
 * <p>Rules, in the order they are checked (the first broken one is reported, always with field {@value #FIELD}):
 * <ol>
 * <li>required (surrounding whitespace is ignored: pasted URLs often carry a newline);</li>
 * <li>valid Unicode: an unpaired UTF-16 surrogate (JSON <code>"&#92;ud800"</code>) has no UTF-8 form to store;</li>
 * <li>at most {@code maxLength} characters, before and after normalisation (normalising can lengthen it);</li>
 * <li>an absolute URI ({@link URI} syntax: spaces, control characters and the like are rejected, so nothing stored
 *     can break a {@code Location} header);</li>
 * <li>scheme {@code http} or {@code https}, any case ({@code javascript:}, {@code data:}, {@code mailto:} are out);</li>
 * <li>a host ({@code http:///x} is out) and no user info: {@code https://paypal.com@evil.example/} shows a trusted
 *     name but goes to {@code evil.example}, a classic phishing trick;</li>
 * <li>a valid host name or bracketed IPv6 literal (letters, digits, {@code . - _} once canonical; no empty labels);
 *     a host ending in a number must be an IPv4 address in one of the forms browsers accept ({@link HostAddresses});
 *     </li>
 * <li>a valid port, if any (1..65535);</li>
 * <li>not this shortener, on any port: a short link to a short link can loop and hides the destination. A name is
 *     refused if it is one of {@code selfHosts} or {@code localhost} / {@code *.localhost} (RFC 6761); an address,
 *     in any spelling, if it is loopback, unspecified ({@code 0.0.0.0}, {@code ::}), in {@code 0.0.0.0/8}, one of
 *     {@code selfAddresses} or an address among {@code selfHosts}. Exact name match only, and names are never
 *     resolved: {@code docs.example.com} may be a legitimate target even when the shortener is
 *     {@code example.com}; list such subdomains in {@code blockedDomains} if they must be refused;</li>
 * <li>not in a blocked domain: the host is the domain or a subdomain of it ({@code evil.com} blocks
 *     {@code a.evil.com} but not {@code notevil.com}).</li>
 * </ol>
 * Hosts are compared in canonical form ({@link HostNames}): percent-decoded, IDN to ASCII, lower-case, trailing dot
 * ignored, so {@code https://EVIL.com./}, {@code http://%65vil.com} and Unicode spellings cannot slip past.
 *
 * <p>The returned URI has the scheme and host lower-cased (host in ASCII/punycode, an IPv4 host in dotted decimal,
 * as browsers rewrite it) and non-ASCII characters in path, query and fragment percent-encoded; everything else is
 * kept as written. IP-address hosts are allowed: the
 * shortener never fetches the URL, so this is not an SSRF surface.
 *
 * @param maxLength      longest URL accepted, in characters ({@value #DEFAULT_MAX_LENGTH} by default)
 * @param blockedDomains domains refused together with their subdomains; stored canonicalised
 * @param selfHosts      the shortener's own public host names (or addresses); stored canonicalised
 * @param selfAddresses  the addresses of this server's own network interfaces; stored canonicalised, with the
 *                       addresses among {@code selfHosts} added
 */
public record UrlPolicy(int maxLength, Set<String> blockedDomains, Set<String> selfHosts,
                        Set<InetAddress> selfAddresses) {

    public static final int DEFAULT_MAX_LENGTH = 2048;
    public static final String FIELD = "url";

    public UrlPolicy {
        if (maxLength < 1) {
            throw new IllegalArgumentException("maxLength must be >= 1, got " + maxLength);
        }
        blockedDomains = canonical("blockedDomains", blockedDomains);
        selfHosts = canonical("selfHosts", selfHosts);
        if (selfAddresses == null) {
            throw new IllegalArgumentException("selfAddresses must not be null");
        }
        selfAddresses = Stream.concat(selfAddresses.stream(),
                        selfHosts.stream().flatMap(h -> HostAddresses.of(h).stream()))
                .map(HostAddresses::canonical).collect(Collectors.toUnmodifiableSet());
    }

    /** No interface addresses beyond those among {@code selfHosts} (loopback and unspecified are always refused). */
    public UrlPolicy(int maxLength, Set<String> blockedDomains, Set<String> selfHosts) {
        this(maxLength, blockedDomains, selfHosts, Set.of());
    }

    /** Default length limit, nothing blocked but the shortener's own hosts. */
    public static UrlPolicy withDefaults(Set<String> selfHosts) {
        return new UrlPolicy(DEFAULT_MAX_LENGTH, Set.of(), selfHosts);
    }

    /**
     * @return the normalised URL; its {@code toString()} is what to store and redirect to
     * @throws InvalidLinkException with field {@value #FIELD} if a rule is broken
     */
    public URI validate(String url) {
        if (url == null || url.isBlank()) {
            throw invalid("url is required");
        }
        String trimmed = url.strip();
        requireLength(trimmed);
        requireValidUnicode(trimmed);
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException e) {
            throw invalid("not a valid URL: " + e.getReason() + " at index " + e.getIndex());
        }
        if (!uri.isAbsolute()) {
            throw invalid("must be an absolute URL starting with http:// or https://");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw invalid("only http and https URLs can be shortened, not " + scheme + ":");
        }
        String authority = uri.getRawAuthority();
        if (uri.isOpaque() || authority == null || authority.isEmpty()) {
            throw invalid("must have a host, e.g. https://example.com/");
        }
        if (authority.contains("@")) {
            throw invalid("must not contain a user name or password (user@host URLs are a phishing trick)");
        }
        HostAndPort hostAndPort = HostAndPort.split(authority);
        String host;
        Optional<InetAddress> address;
        try {
            host = HostNames.toAscii(hostAndPort.host());
            address = HostAddresses.of(host);
        } catch (IllegalArgumentException e) {
            throw invalid("'" + hostAndPort.host() + "' is not a valid host name (" + e.getMessage() + ")");
        }
        if (address.isPresent() && address.get() instanceof Inet4Address v4 && !host.startsWith("[")) {
            host = v4.getHostAddress();
        }
        int port = parsePort(hostAndPort.port());
        String comparable = HostNames.withoutTrailingDot(host);
        if (address.map(this::isSelfAddress).orElseGet(() -> isSelfName(comparable))) {
            throw invalid("must not point at this shortener itself (" + comparable + "): short links to short "
                    + "links can loop");
        }
        String blockedBy = blockingDomain(comparable);
        if (blockedBy != null) {
            throw invalid("links to " + blockedBy + " are not allowed");
        }
        return normalised(uri, scheme, host, port);
    }

    private URI normalised(URI uri, String scheme, String host, int port) {
        StringBuilder s = new StringBuilder(scheme).append("://").append(host);
        if (port >= 0) {
            s.append(':').append(port);
        }
        s.append(uri.getRawPath());
        if (uri.getRawQuery() != null) {
            s.append('?').append(uri.getRawQuery());
        }
        if (uri.getRawFragment() != null) {
            s.append('#').append(uri.getRawFragment());
        }
        try {
            // toASCIIString percent-encodes non-ASCII path/query/fragment characters as UTF-8.
            String ascii = new URI(s.toString()).toASCIIString();
            requireLength(ascii);
            return new URI(ascii);
        } catch (URISyntaxException e) {
            throw invalid("not a valid URL: " + e.getReason());
        }
    }

    private boolean isSelfName(String name) {
        return selfHosts.contains(name) || name.equals("localhost") || name.endsWith(".localhost");
    }

    private boolean isSelfAddress(InetAddress address) {
        return HostAddresses.isLocalHost(address) || selfAddresses.contains(HostAddresses.canonical(address));
    }

    /** The blocked domain that {@code host} is, or is a subdomain of; null if none. Walks the label suffixes. */
    private String blockingDomain(String host) {
        String suffix = host;
        while (true) {
            if (blockedDomains.contains(suffix)) {
                return suffix;
            }
            int dot = suffix.indexOf('.');
            if (dot < 0) {
                return null;
            }
            suffix = suffix.substring(dot + 1);
        }
    }

    private void requireLength(String url) {
        if (url.length() > maxLength) {
            throw invalid("must be at most " + maxLength + " characters, got " + url.length());
        }
    }

    /** A lone surrogate has no UTF-8 form: {@link URI#toASCIIString()} would fail on it (with an NPE). */
    private static void requireValidUnicode(String url) {
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < url.length() && Character.isLowSurrogate(url.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw invalid(String.format("contains an unpaired UTF-16 surrogate (\\u%04x) at index %d: not valid "
                        + "Unicode", (int) c, i));
            }
        }
    }

    private static int parsePort(String port) {
        if (port.isEmpty()) {
            return -1;
        }
        if (port.length() > 5 || !port.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw invalid("port must be a number from 1 to 65535, got '" + port + "'");
        }
        int value = Integer.parseInt(port);
        if (value < 1 || value > 65535) {
            throw invalid("port must be a number from 1 to 65535, got " + value);
        }
        return value;
    }

    private static InvalidLinkException invalid(String message) {
        return new InvalidLinkException(FIELD, message);
    }

    private static Set<String> canonical(String name, Set<String> hosts) {
        if (hosts == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        return hosts.stream()
                .map(h -> HostNames.withoutTrailingDot(HostNames.toAscii(h.strip())))
                .map(h -> HostAddresses.of(h).filter(a -> a instanceof Inet4Address).map(InetAddress::getHostAddress)
                        .orElse(h))
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Host and port text of an authority without user info; port is "" when absent ({@code host} or {@code host:}). */
    private record HostAndPort(String host, String port) {
        static HostAndPort split(String authority) {
            int colon = authority.startsWith("[")
                    ? authority.indexOf(':', Math.max(authority.indexOf(']'), 0))
                    : authority.lastIndexOf(':');
            return colon < 0
                    ? new HostAndPort(authority, "")
                    : new HostAndPort(authority.substring(0, colon), authority.substring(colon + 1));
        }
    }
}
