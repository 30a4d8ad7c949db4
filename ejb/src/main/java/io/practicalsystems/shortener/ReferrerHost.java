package io.practicalsystems.shortener;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Reduces a {@code Referer} header to the host that sent the click, for "top referrers" statistics: a host, not a
 * full URL, because paths and query strings carry personal data and would make the statistics unbounded.
 *
 * <p>Canonical as in {@link HostNames} (lower-case ASCII, no trailing dot), and a leading {@code www.} is dropped so
 * {@code www.example.com} and {@code example.com} count together — unless nothing with a dot would remain
 * ({@code www.com} stays). No header gives {@value #DIRECT} (typed, bookmarked, or the referrer policy withheld it);
 * a header without a usable host gives {@value #INVALID}. Neither contains a dot, so neither can be confused with a
 * public host name.
 */
public final class ReferrerHost {

    public static final String DIRECT = "direct";
    public static final String INVALID = "invalid";

    private ReferrerHost() {
    }

    public static String of(String refererHeader) {
        if (refererHeader == null || refererHeader.isBlank()) {
            return DIRECT;
        }
        try {
            String authority = new URI(refererHeader.strip()).getRawAuthority();
            if (authority == null) {
                return INVALID;
            }
            String host = authority.substring(authority.lastIndexOf('@') + 1);
            int colon = host.startsWith("[") ? host.indexOf(':', host.indexOf(']')) : host.lastIndexOf(':');
            if (colon >= 0) {
                host = host.substring(0, colon);
            }
            host = HostNames.withoutTrailingDot(HostNames.toAscii(host));
            if (host.startsWith("www.") && host.indexOf('.', 4) > 0) {
                host = host.substring(4);
            }
            return host;
        } catch (URISyntaxException | IllegalArgumentException e) {
            return INVALID;
        }
    }
}
