package io.practicalsystems.crawler.url;

import io.practicalsystems.crawler.url.UriSyntax.Reference;
import java.net.IDN;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Puts http(s) URLs in one normal form so that a crawl fetches each page once: RFC 3986 section 6.2.2
 * (lower-case scheme and host, percent-encoding normalised, dot segments removed) and 6.2.3 (default port dropped,
 * empty path as "/"), plus what crawlers commonly add: internationalised host names in punycode (java.net.IDN),
 * fragment removed, an empty query removed, session-id parameters removed and optionally query parameters sorted
 * ({@link NormalizationOptions}). Like browsers it ignores surrounding spaces and embedded line breaks, and reads
 * backslashes before the query as slashes. URLs with user information ({@code user:pass@host}) are refused: a
 * crawler should not send credentials it found in a link.
 *
 * <p>Normalising is idempotent, and on any string it either returns or throws {@link InvalidUrlException}. Thread-safe.
 */
public final class UrlNormalizer {

    /** Longest input or result accepted; bounds the work one string can cause. */
    public static final int MAX_LENGTH = 65_536;

    private static final int MAX_HOST_LENGTH = 253;
    private static final int MAX_LABEL_LENGTH = 63;

    private final NormalizationOptions options;

    public UrlNormalizer(NormalizationOptions options) {
        this.options = options;
    }

    public UrlNormalizer() {
        this(NormalizationOptions.defaults());
    }

    public NormalizationOptions options() {
        return options;
    }

    /** The normal form of an absolute http(s) URL. */
    public NormalizedUrl normalize(String url) {
        Reference ref = UriSyntax.split(cleaned(url));
        if (ref.scheme() == null) {
            throw new InvalidUrlException("\"" + shortened(url) + "\" is not an absolute URL: it has no scheme such as "
                    + "http:// or https://.");
        }
        return build(ref.scheme(), ref.authority(), ref.path(), ref.query());
    }

    /**
     * The normal form of {@code href} read relative to {@code base} (RFC 3986 section 5.2). Like browsers, and as
     * section 5.2.2 permits for non-strict parsers, a reference naming the base's own scheme without an authority
     * ({@code http:g}) is read as relative.
     */
    public NormalizedUrl resolve(String href, NormalizedUrl base) {
        Reference ref = UriSyntax.split(cleaned(href));
        String scheme = ref.scheme();
        if (scheme != null && ref.authority() == null && scheme.equalsIgnoreCase(base.scheme())) {
            scheme = null;
        }
        if (scheme != null) {
            return build(scheme, ref.authority(), UriSyntax.removeDotSegments(ref.path()), ref.query());
        }
        String baseQuery = base.query().isEmpty() ? null : base.query();
        if (ref.authority() != null) {
            return build(base.scheme(), ref.authority(), UriSyntax.removeDotSegments(ref.path()), ref.query());
        }
        if (ref.path().isEmpty()) {
            return build(base.scheme(), base.hostKey(), base.path(), ref.query() != null ? ref.query() : baseQuery);
        }
        String path = ref.path().startsWith("/") ? ref.path() : UriSyntax.merge(base.path(), ref.path());
        return build(base.scheme(), base.hostKey(), UriSyntax.removeDotSegments(path), ref.query());
    }

    /** 80 for http, 443 for https, -1 otherwise. */
    public static int defaultPort(String scheme) {
        return switch (scheme) {
            case "http" -> 80;
            case "https" -> 443;
            default -> -1;
        };
    }

    private NormalizedUrl build(String rawScheme, String authority, String rawPath, String rawQuery) {
        String scheme = rawScheme.toLowerCase(Locale.ROOT);
        if (defaultPort(scheme) < 0) {
            throw new InvalidUrlException("Only http and https URLs are crawled, not \"" + shortened(rawScheme)
                    + ":\" ones.");
        }
        if (authority == null || authority.isEmpty()) {
            throw new InvalidUrlException("The URL has no host: an http(s) URL starts with " + scheme + "://host/.");
        }
        if (authority.indexOf('@') >= 0) {
            throw new InvalidUrlException("URLs with a user name or password before the host are not crawled.");
        }
        int portColon = authority.startsWith("[") ? authority.indexOf(':', Math.max(authority.indexOf(']'), 0))
                : authority.lastIndexOf(':');
        String host = normalizeHost(portColon < 0 ? authority : authority.substring(0, portColon));
        int port = portColon < 0 ? defaultPort(scheme) : parsePort(authority.substring(portColon + 1), scheme);
        String path = normalizePath(rawPath);
        String query = rawQuery == null ? "" : normalizeQuery(rawQuery);
        StringBuilder value = new StringBuilder(scheme.length() + host.length() + path.length() + query.length() + 10)
                .append(scheme).append("://").append(host);
        if (port != defaultPort(scheme)) {
            value.append(':').append(port);
        }
        value.append(path);
        if (!query.isEmpty()) {
            value.append('?').append(query);
        }
        if (value.length() > MAX_LENGTH) {
            throw new InvalidUrlException("The URL is longer than " + MAX_LENGTH + " characters once normalised.");
        }
        return new NormalizedUrl(value.toString(), scheme, host, port, path, query);
    }

    private String normalizePath(String rawPath) {
        String encoded = UriSyntax.normalizeEncoding(rawPath, false);
        String path = UriSyntax.removeDotSegments(withoutSessionPathParameters(encoded));
        return path.isEmpty() ? "/" : path;
    }

    /** Drops {@code ;jsessionid=…} and the like from every path segment; other path parameters stay. */
    private String withoutSessionPathParameters(String path) {
        if (path.indexOf(';') < 0 || options.sessionIdParameters().isEmpty()) {
            return path;
        }
        StringBuilder out = new StringBuilder(path.length());
        String[] segments = path.split("/", -1);
        for (int s = 0; s < segments.length; s++) {
            if (s > 0) {
                out.append('/');
            }
            String[] parts = segments[s].split(";", -1);
            out.append(parts[0]);
            for (int p = 1; p < parts.length; p++) {
                if (!isSessionId(parts[p])) {
                    out.append(';').append(parts[p]);
                }
            }
        }
        return out.toString();
    }

    private String normalizeQuery(String rawQuery) {
        List<String> parameters = new ArrayList<>();
        for (String parameter : UriSyntax.normalizeEncoding(rawQuery, true).split("&")) {
            if (!parameter.isEmpty() && !isSessionId(parameter)) {
                parameters.add(parameter);
            }
        }
        if (options.sortQueryParameters()) {
            parameters.sort(Comparator.comparing(UrlNormalizer::parameterName)); // stable: repeated names keep order
        }
        return String.join("&", parameters);
    }

    private boolean isSessionId(String parameter) {
        return options.sessionIdParameters().contains(parameterName(parameter).toLowerCase(Locale.ROOT));
    }

    private static String parameterName(String parameter) {
        int equals = parameter.indexOf('=');
        return equals < 0 ? parameter : parameter.substring(0, equals);
    }

    private static String normalizeHost(String raw) {
        if (raw.isEmpty()) {
            throw new InvalidUrlException("The URL has no host name.");
        }
        if (raw.startsWith("[")) {
            return normalizeIpv6(raw);
        }
        String host = raw.toLowerCase(Locale.ROOT);
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            if (c <= ' ' || c == 0x7f || "#%/:<>?@[\\]^|\"{}`".indexOf(c) >= 0) {
                throw new InvalidUrlException("The host \"" + shortened(raw) + "\" contains a character host names "
                        + "cannot have.");
            }
        }
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1); // the root label: "example.com." is "example.com"
        }
        if (!isAscii(host)) {
            try {
                host = IDN.toASCII(host).toLowerCase(Locale.ROOT);
            } catch (RuntimeException e) {
                throw new InvalidUrlException("The host \"" + shortened(raw) + "\" is not a valid internationalised "
                        + "domain name.");
            }
        }
        checkHostName(host, raw);
        return host;
    }

    private static void checkHostName(String host, String raw) {
        if (host.isEmpty() || host.length() > MAX_HOST_LENGTH) {
            throw new InvalidUrlException("The host name \"" + shortened(raw) + "\" is empty or longer than "
                    + MAX_HOST_LENGTH + " characters.");
        }
        for (String label : host.split("\\.", -1)) {
            if (label.isEmpty() || label.length() > MAX_LABEL_LENGTH) {
                throw new InvalidUrlException("The host name \"" + shortened(raw) + "\" has an empty label or one "
                        + "longer than " + MAX_LABEL_LENGTH + " characters.");
            }
            for (int i = 0; i < label.length(); i++) {
                char c = label.charAt(i);
                if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_')) {
                    throw new InvalidUrlException("The host name \"" + shortened(raw) + "\" contains a character "
                            + "host names cannot have.");
                }
            }
        }
    }

    private static String normalizeIpv6(String raw) {
        String inner = raw.endsWith("]") ? raw.substring(1, raw.length() - 1).toLowerCase(Locale.ROOT) : "";
        boolean valid = inner.indexOf(':') >= 0 && inner.length() <= 45;
        for (int i = 0; valid && i < inner.length(); i++) {
            char c = inner.charAt(i);
            valid = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || c == ':' || c == '.';
        }
        if (!valid) {
            throw new InvalidUrlException("The host \"" + shortened(raw) + "\" is not a valid IPv6 address.");
        }
        return "[" + inner + "]";
    }

    private static int parsePort(String digits, String scheme) {
        if (digits.isEmpty()) {
            return defaultPort(scheme);
        }
        int port = 0;
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9' || port > 65_535) {
                throw new InvalidUrlException("The port \"" + shortened(digits) + "\" is not a number from 1 to "
                        + "65535.");
            }
            port = port * 10 + (c - '0');
        }
        if (port < 1 || port > 65_535) {
            throw new InvalidUrlException("The port \"" + shortened(digits) + "\" is not a number from 1 to 65535.");
        }
        return port;
    }

    private static String cleaned(String raw) {
        if (raw == null) {
            throw new InvalidUrlException("No URL was given.");
        }
        if (raw.length() > MAX_LENGTH) {
            throw new InvalidUrlException("The URL is longer than " + MAX_LENGTH + " characters.");
        }
        return UriSyntax.clean(raw);
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** {@code s} cut to a length that fits in a message. */
    static String shortened(String s) {
        return s.length() <= 100 ? s : s.substring(0, 100) + "…";
    }
}
