package io.practicalsystems.platform.loginthrottle;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * The address a client counts as, for rate limits and failed sign-ins alike: IPv4 per address, IPv6 per /64 (one
 * subscriber usually gets a whole /64, often more, and can pick a fresh address for every request, so per-address
 * IPv6 limits are no limit). Plain Java.
 */
public final class ClientAddress {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9A-Fa-f:.]+");

    private ClientAddress() {
    }

    /**
     * The address as the bucket sees it (IPv4 as is, IPv6 as its /64), or null if {@code text} is not an IP
     * literal. Never resolves names: only strings that are syntactically literals reach {@link InetAddress}.
     */
    public static String normalize(String text) {
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
