package io.practicalsystems.platform.rest.ratelimit;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * Who a request counts against: {@code key:<id>} for a verified API key, else {@code ip:<address>}. Pure logic, no
 * Jakarta types, so every rule below is unit-tested.
 *
 * <ul>
 *   <li>Only a key that was verified counts as a key (see {@code platform.rest.apikeys.ApiKeyFilter}, which puts
 *       its public ID under {@link #VERIFIED_API_KEY_PROPERTY}): a made-up key is refused before any bucket is
 *       chosen, so inventing a key per request never buys a fresh bucket.</li>
 *   <li>IPv4 addresses count per address. IPv6 addresses count per /64: one subscriber usually gets a whole /64
 *       (often more) and can pick a fresh address for every request, so per-address IPv6 limits are no limit.</li>
 *   <li>X-Forwarded-For is ignored unless trusted, see {@link #of}.</li>
 * </ul>
 */
public final class ClientIdentity {

    public static final String API_KEY_HEADER = "X-Api-Key";
    public static final String FORWARDED_FOR_HEADER = "X-Forwarded-For";
    /** Request property holding the public ID of the request's verified API key (absent: anonymous). */
    public static final String VERIFIED_API_KEY_PROPERTY = "io.practicalsystems.apikeys.verified-key-id";

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9A-Fa-f:.]+");

    private ClientIdentity() {
    }

    /**
     * @param verifiedKeyId     the public ID of the request's verified API key, or null (anonymous)
     * @param remoteAddress     the peer address of the TCP connection, from the servlet container
     * @param forwardedFor      the X-Forwarded-For header, may be null
     * @param trustForwardedFor whether a proxy we control sits in front of every server and appends the real client
     *                          address to X-Forwarded-For. Only then is the header used, and only its LAST entry (the
     *                          one our proxy appended): everything to the left of it was sent by the client and is
     *                          whatever the client wants it to be. Trusting the header without such a proxy lets any
     *                          client send a new made-up address with every request and so get a fresh bucket every
     *                          time — the limit would not exist. Behind such a proxy, not trusting it puts every
     *                          client into the proxy's one bucket.
     */
    public static String of(String verifiedKeyId, String remoteAddress, String forwardedFor,
                            boolean trustForwardedFor) {
        if (verifiedKeyId != null) {
            return "key:" + verifiedKeyId;
        }
        return address(remoteAddress, forwardedFor, trustForwardedFor);
    }

    /** The client as {@code ip:<address>}, whatever key it presents; parameters as for {@link #of}. */
    public static String address(String remoteAddress, String forwardedFor, boolean trustForwardedFor) {
        if (trustForwardedFor && forwardedFor != null) {
            String last = lastEntry(forwardedFor);
            String ip = normalizeIp(last);
            if (ip != null) {
                return "ip:" + ip;
            }
        }
        String ip = normalizeIp(remoteAddress);
        return "ip:" + (ip != null ? ip : remoteAddress == null || remoteAddress.isBlank() ? "unknown"
                : remoteAddress.trim());
    }

    private static String lastEntry(String header) {
        int comma = header.lastIndexOf(',');
        return header.substring(comma + 1).trim();
    }

    /**
     * The address as the bucket sees it (IPv4 as is, IPv6 as its /64), or null if {@code text} is not an IP
     * literal. Never resolves names: only strings that are syntactically literals reach {@link InetAddress}.
     */
    static String normalizeIp(String text) {
        if (text == null) {
            return null;
        }
        String s = text.trim();
        if (s.startsWith("[") && s.endsWith("]")) {
            s = s.substring(1, s.length() - 1);
        }
        int zone = s.indexOf('%');
        if (zone >= 0) {
            s = s.substring(0, zone);
        }
        if (IPV4.matcher(s).matches()) {
            return literal(s) instanceof Inet4Address v4 ? v4.getHostAddress() : null;
        }
        // Only hex digits, ':' and '.', and at least one ':': InetAddress parses it as an IPv6 literal and fails
        // without a DNS lookup if it is not one (a hostname cannot contain ':').
        if (s.indexOf(':') >= 0 && IPV6_CHARS.matcher(s).matches()) {
            InetAddress address = literal(s);
            if (address instanceof Inet4Address v4) { // ::ffff:a.b.c.d
                return v4.getHostAddress();
            }
            if (address instanceof Inet6Address v6) {
                byte[] prefix = Arrays.copyOf(v6.getAddress(), 16);
                Arrays.fill(prefix, 8, 16, (byte) 0);
                return literal(prefix).getHostAddress() + "/64";
            }
        }
        return null;
    }

    private static InetAddress literal(String s) {
        try {
            return InetAddress.getByName(s);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static InetAddress literal(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e); // 16 bytes are always an address
        }
    }
}
