package io.practicalsystems.crawler.dns;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

/**
 * Which resolved addresses a crawl may connect to. By default only public unicast addresses: a page must not make
 * the crawler reach the machine it runs on or its private network (SSRF through DNS), so the check is applied to
 * every address after resolution, not to the host name. IPv6 addresses that embed an IPv4 address (IPv4-mapped,
 * IPv4-compatible, NAT64, 6to4) are judged by the embedded address.
 */
public final class AddressPolicy {

    /** A block of addresses refused by default, with the reason a refusal names. */
    private record Block(byte[] network, int prefixLength, String reason) {
        static Block of(String cidr, String reason) {
            int slash = cidr.indexOf('/');
            try {
                byte[] network = InetAddress.getByName(cidr.substring(0, slash)).getAddress();
                return new Block(network, Integer.parseInt(cidr.substring(slash + 1)), reason);
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException(cidr, e);
            }
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int fullBytes = prefixLength / 8;
            for (int i = 0; i < fullBytes; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int restBits = prefixLength % 8;
            if (restBits == 0) {
                return true;
            }
            int mask = (0xff << (8 - restBits)) & 0xff;
            return (address[fullBytes] & mask) == (network[fullBytes] & mask);
        }
    }

    private static final List<Block> REFUSED = List.of(
            Block.of("0.0.0.0/8", "unspecified (this network)"),
            Block.of("127.0.0.0/8", "loopback"),
            Block.of("10.0.0.0/8", "private"),
            Block.of("172.16.0.0/12", "private"),
            Block.of("192.168.0.0/16", "private"),
            Block.of("100.64.0.0/10", "shared address space (CGNAT)"),
            Block.of("169.254.0.0/16", "link-local"),
            Block.of("192.0.0.0/24", "IETF protocol assignments"),
            Block.of("198.18.0.0/15", "benchmarking"),
            Block.of("224.0.0.0/4", "multicast"),
            Block.of("240.0.0.0/4", "reserved (incl. broadcast)"),
            Block.of("::/128", "unspecified"),
            Block.of("::1/128", "loopback"),
            Block.of("fe80::/10", "link-local"),
            Block.of("fec0::/10", "site-local"),
            Block.of("fc00::/7", "unique-local"),
            Block.of("ff00::/8", "multicast"));

    private static final AddressPolicy PUBLIC_ONLY = new AddressPolicy(false);
    private static final AddressPolicy ANY = new AddressPolicy(true);

    private final boolean allowPrivateAddresses;

    private AddressPolicy(boolean allowPrivateAddresses) {
        this.allowPrivateAddresses = allowPrivateAddresses;
    }

    /** The policy for a crawl: with {@code allowPrivateAddresses} every address is allowed (the tests' local web). */
    public static AddressPolicy of(boolean allowPrivateAddresses) {
        return allowPrivateAddresses ? ANY : PUBLIC_ONLY;
    }

    public boolean allowPrivateAddresses() {
        return allowPrivateAddresses;
    }

    /** Why this address is refused ("loopback", "private", …), or empty when a crawl may connect to it. */
    public Optional<String> refusal(InetAddress address) {
        if (allowPrivateAddresses) {
            return Optional.empty();
        }
        byte[] bytes = address.getAddress();
        byte[] embedded = embeddedIpv4(bytes);
        byte[] judged = embedded != null ? embedded : bytes;
        for (Block block : REFUSED) {
            if (block.contains(judged)) {
                return Optional.of(embedded != null ? block.reason() + " (embedded in an IPv6 address)" : block.reason());
            }
        }
        return Optional.empty();
    }

    public boolean permits(InetAddress address) {
        return refusal(address).isEmpty();
    }

    /** Throws {@link RefusedAddressException} unless the address is permitted. */
    public void check(String host, InetAddress address) throws RefusedAddressException {
        Optional<String> reason = refusal(address);
        if (reason.isPresent()) {
            throw new RefusedAddressException(host, address, reason.get());
        }
    }

    /**
     * The IPv4 address inside an IPv6 one, for the forms that route to it: IPv4-mapped ::ffff:a.b.c.d,
     * IPv4-compatible ::a.b.c.d (not :: and ::1), NAT64 64:ff9b::a.b.c.d and 6to4 2002:aabb:ccdd::/48.
     */
    private static byte[] embeddedIpv4(byte[] a) {
        if (a.length != 16) {
            return null;
        }
        if (a[0] == 0x20 && a[1] == 0x02) {
            return new byte[] {a[2], a[3], a[4], a[5]};
        }
        boolean zeroTo9 = allZero(a, 0, 10);
        boolean mapped = zeroTo9 && a[10] == (byte) 0xff && a[11] == (byte) 0xff;
        boolean compatible = zeroTo9 && a[10] == 0 && a[11] == 0 && !allZero(a, 12, 15);
        boolean nat64 = a[0] == 0 && a[1] == 0x64 && a[2] == (byte) 0xff && a[3] == (byte) 0x9b && allZero(a, 4, 12);
        if (mapped || compatible || nat64) {
            return new byte[] {a[12], a[13], a[14], a[15]};
        }
        return null;
    }

    private static boolean allZero(byte[] a, int from, int to) {
        for (int i = from; i < to; i++) {
            if (a[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
