package io.practicalsystems.platform.rest.ratelimit;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Who a request counts against: {@code key:<hash>} for an API key, else {@code ip:<address>}. Pure logic, no
 * Jakarta types, so every rule below is unit-tested.
 *
 * <ul>
 *   <li>An API key is never stored or logged: the bucket key holds the first 128 bits of its SHA-256.</li>
 *   <li>IPv4 addresses count per address. IPv6 addresses count per /64: one subscriber usually gets a whole /64
 *       (often more) and can pick a fresh address for every request, so per-address IPv6 limits are no limit.</li>
 *   <li>X-Forwarded-For is ignored unless trusted, see {@link #of}.</li>
 * </ul>
 */
public final class ClientIdentity {

    public static final String API_KEY_HEADER = "X-Api-Key";
    public static final String FORWARDED_FOR_HEADER = "X-Forwarded-For";

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9A-Fa-f:.]+");
    private static final int API_KEY_HASH_BYTES = 16;

    private ClientIdentity() {
    }

    /**
     * @param apiKey            the X-Api-Key header, may be null or blank
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
    public static String of(String apiKey, String remoteAddress, String forwardedFor, boolean trustForwardedFor) {
        if (apiKey != null && !apiKey.isBlank()) {
            return "key:" + hashApiKey(apiKey.trim());
        }
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

    static String hashApiKey(String apiKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(apiKey.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, API_KEY_HASH_BYTES);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JRE", e);
        }
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
