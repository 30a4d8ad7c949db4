package io.practicalsystems.shortener;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;

/**
 * Which IP address a URL host names, in every spelling a browser accepts, so that "is this host us?" compares
 * addresses, not strings: {@code 127.1}, {@code 2130706433}, {@code 0x7f000001}, {@code 0177.0.0.1} and
 * {@code [::ffff:127.0.0.1]} are all 127.0.0.1 to a browser, and so to this class.
 *
 * <p>IPv4 follows the WHATWG URL standard's host parser (the inet_aton rules browsers apply): a host whose last
 * label is a number is an IPv4 address of 1–4 dot-separated parts, each decimal, octal (leading {@code 0}) or hex
 * ({@code 0x}); the last part fills the remaining bytes. A host that ends in a number but is no such address
 * ({@code 1.2.3.256}, {@code 1.2.3.4.5}) is refused, as browsers refuse it. Bracketed IPv6 literals are parsed by
 * the JDK, which never consults DNS for them. No host name is ever resolved: DNS answers change after a link is
 * made, and the shortener never fetches what it stores.
 */
public final class HostAddresses {

    private HostAddresses() {
    }

    /**
     * @param asciiHost a host as {@link HostNames#toAscii} returns it: lower-case ASCII, a trailing dot allowed, or
     *                  a bracketed IPv6 literal
     * @return its address with IPv4-mapped and IPv4-compatible IPv6 addresses unwrapped to IPv4; empty for a name
     * @throws IllegalArgumentException if the host is written as an address but is not a valid one
     */
    public static Optional<InetAddress> of(String asciiHost) {
        if (asciiHost.startsWith("[")) {
            return Optional.of(canonical(ipv6(asciiHost)));
        }
        String host = HostNames.withoutTrailingDot(asciiHost);
        return endsInANumber(host) ? Optional.of(ipv4(host)) : Optional.empty();
    }

    /**
     * This machine whatever its interfaces: loopback ({@code 127.0.0.0/8}, {@code ::1}), unspecified
     * ({@code 0.0.0.0}, {@code ::}, which connect to the local host on Linux) and the rest of {@code 0.0.0.0/8}
     * ("this network", RFC 1122: never a destination elsewhere).
     */
    public static boolean isLocalHost(InetAddress address) {
        InetAddress a = canonical(address);
        return a.isLoopbackAddress() || a.isAnyLocalAddress() || (a instanceof Inet4Address && a.getAddress()[0] == 0);
    }

    /** {@code ::ffff:a.b.c.d} (mapped) and {@code ::a.b.c.d} (compatible, not {@code ::} or {@code ::1}) as IPv4. */
    public static InetAddress canonical(InetAddress address) {
        if (address instanceof Inet6Address v6) {
            byte[] bytes = v6.getAddress();
            boolean zeroPrefix = Arrays.equals(bytes, 0, 10, new byte[10], 0, 10);
            boolean mapped = zeroPrefix && bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
            boolean compatible = zeroPrefix && bytes[10] == 0 && bytes[11] == 0
                    && !v6.isAnyLocalAddress() && !v6.isLoopbackAddress();
            if (mapped || compatible) {
                return ipv4Address(Arrays.copyOfRange(bytes, 12, 16));
            }
        }
        return address;
    }

    /** WHATWG "ends in a number": the last label is all digits, or parses as a number (e.g. {@code 0x1f}). */
    static boolean endsInANumber(String host) {
        String last = host.substring(host.lastIndexOf('.') + 1);
        if (last.isEmpty()) {
            return false;
        }
        return last.chars().allMatch(c -> c >= '0' && c <= '9') || parseNumber(last) >= 0;
    }

    private static InetAddress ipv4(String host) {
        String[] parts = host.split("\\.", -1);
        if (parts.length > 4) {
            throw new IllegalArgumentException("not an IPv4 address: more than 4 parts");
        }
        long address = 0;
        for (int i = 0; i < parts.length; i++) {
            long n = parseNumber(parts[i]);
            if (n < 0) {
                throw new IllegalArgumentException("not an IPv4 address: '" + parts[i] + "' is not a number");
            }
            boolean last = i == parts.length - 1;
            long limit = last ? 1L << (8 * (5 - parts.length)) : 256;
            if (n >= limit) {
                throw new IllegalArgumentException("not an IPv4 address: '" + parts[i] + "' is out of range");
            }
            address = last ? address + n : address + (n << (8 * (3 - i)));
        }
        return ipv4Address(new byte[] {
            (byte) (address >>> 24), (byte) (address >>> 16), (byte) (address >>> 8), (byte) address});
    }

    /**
     * One IPv4 part: {@code 0x}/{@code 0X} hex (bare {@code 0x} is 0), a leading {@code 0} octal, else decimal.
     * @return the value, capped at 2^32 (already out of range for any part); -1 if not a number
     */
    private static long parseNumber(String part) {
        int radix = 10;
        String digits = part;
        if (part.length() >= 2 && (part.startsWith("0x") || part.startsWith("0X"))) {
            radix = 16;
            digits = part.substring(2);
        } else if (part.length() >= 2 && part.charAt(0) == '0') {
            radix = 8;
            digits = part.substring(1);
        }
        if (digits.isEmpty()) {
            return part.isEmpty() ? -1 : 0;
        }
        long value = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = Character.digit(digits.charAt(i), radix);
            if (d < 0 || digits.charAt(i) > 'f') { // Character.digit also takes non-ASCII digits
                return -1;
            }
            value = Math.min(value * radix + d, 1L << 32);
        }
        return value;
    }

    private static InetAddress ipv6(String bracketed) {
        try {
            return InetAddress.getByName(bracketed); // a bracketed literal: parsed, never looked up
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IPv6 address", e);
        }
    }

    private static InetAddress ipv4Address(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("4 bytes are always an IPv4 address", e);
        }
    }
}
