package io.practicalsystems.shortener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class HostAddressesTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "127.0.0.1              | 127.0.0.1",
        "127.1                  | 127.0.0.1",
        "127.0.1                | 127.0.0.1",
        "2130706433             | 127.0.0.1",
        "0x7f000001             | 127.0.0.1",
        "0x7f.1                 | 127.0.0.1",
        "0177.0.0.1             | 127.0.0.1",
        "017700000001           | 127.0.0.1",
        "127.0.0.1.             | 127.0.0.1",
        "0                      | 0.0.0.0",
        "0x                     | 0.0.0.0",
        "0.0.0.0                | 0.0.0.0",
        "255.255.255.255        | 255.255.255.255",
        "4294967295             | 255.255.255.255",
        "1.16777215             | 1.255.255.255",
        "1.2.65535              | 1.2.255.255",
        "[::1]                  | 0:0:0:0:0:0:0:1",
        "[::]                   | 0:0:0:0:0:0:0:0",
        "[::ffff:127.0.0.1]     | 127.0.0.1",
        "[::ffff:7f00:1]        | 127.0.0.1",
        "[::127.0.0.1]          | 127.0.0.1",
        "[::ffff:192.0.2.1]     | 192.0.2.1",
        "[2001:db8::1]          | 2001:db8:0:0:0:0:0:1"
    })
    void parsesEveryFormToOneAddress(String host, String address) {
        assertThat(HostAddresses.of(host)).hasValueSatisfying(a -> assertThat(a.getHostAddress()).isEqualTo(address));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"example.com", "localhost", "a1", "1a", "example.com.", "1-2", "x.0a", "exa_mple.com"})
    void aNameIsNoAddress(String host) {
        assertThat(HostAddresses.of(host)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"256.0.0.1", "1.2.3.256", "1.2.3.4.5", "4294967296", "1.16777216", "1.2.65536",
        "0x100000000", "08", "09.1.1.1", "0x7g.1", "example.123", "example.0x", "1..2", "[1.2.3.4]", "[:::]",
        "[12345::]", "99999999999999999999999"})
    void aHostEndingInANumberMustBeAValidAddress(String host) {
        assertThatThrownBy(() -> HostAddresses.of(host)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "{0} local={1}")
    @CsvSource({"127.0.0.1,true", "127.255.255.254,true", "0.0.0.0,true", "0.1.2.3,true", "[::1],true", "[::],true",
        "[::ffff:127.0.0.2],true", "1.0.0.127,false", "128.0.0.1,false", "10.0.0.1,false", "[1::],false",
        "[fe80::1],false", "[2001:db8::1],false"})
    void localHostIsLoopbackUnspecifiedAndThisNetwork(String host, boolean local) {
        assertThat(HostAddresses.isLocalHost(HostAddresses.of(host).orElseThrow())).isEqualTo(local);
    }

    /**
     * Property, over 200 seeded random addresses: every spelling a browser accepts (1–4 parts, each part decimal,
     * octal or hex in either case, optionally with a trailing dot, or IPv4-mapped/compatible IPv6) parses to the
     * address it was written from. Seeds are fixed so a failure reproduces; the case names the spelling.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("spellingsOfRandomAddresses")
    void everySpellingParsesToTheAddressItWasWrittenFrom(String spelling, long address) throws Exception {
        InetAddress expected = InetAddress.getByAddress(new byte[] {
            (byte) (address >>> 24), (byte) (address >>> 16), (byte) (address >>> 8), (byte) address});

        assertThat(HostAddresses.of(spelling)).hasValue(expected);
    }

    static Stream<org.junit.jupiter.params.provider.Arguments> spellingsOfRandomAddresses() {
        Random random = new Random(20261205L);
        return IntStream.range(0, 200).boxed().flatMap(i -> {
            long address = random.nextInt() & 0xffffffffL;
            if (i < 4) {
                address = new long[] {0L, 0xffffffffL, 0x7f000001L, 0x00ffffffL}[i]; // edges first
            }
            long a = address;
            return spellings(a, random).stream().map(s -> org.junit.jupiter.params.provider.Arguments.of(s, a));
        });
    }

    private static List<String> spellings(long address, Random random) {
        List<String> spellings = new ArrayList<>();
        for (int parts = 1; parts <= 4; parts++) {
            long[] values = split(address, parts);
            StringBuilder s = new StringBuilder();
            for (int p = 0; p < parts; p++) {
                s.append(p == 0 ? "" : ".").append(inRandomRadix(values[p], random));
            }
            spellings.add(random.nextBoolean() ? s + "." : s.toString());
        }
        String v6 = Long.toHexString(address >>> 16) + ":" + Long.toHexString(address & 0xffff);
        spellings.add("[::ffff:" + v6 + "]");
        if (address > 1) {
            spellings.add("[::" + v6 + "]");
        }
        return spellings;
    }

    /** The first parts-1 parts are one byte each; the last part holds the remaining bytes. */
    private static long[] split(long address, int parts) {
        long[] values = new long[parts];
        int lastBytes = 5 - parts;
        values[parts - 1] = address & ((1L << (8 * lastBytes)) - 1);
        for (int p = 0; p < parts - 1; p++) {
            values[p] = (address >>> (8 * (3 - p))) & 0xff;
        }
        return values;
    }

    private static String inRandomRadix(long value, Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> Long.toString(value);
            case 1 -> "0" + Long.toOctalString(value);
            case 2 -> "0x" + Long.toHexString(value);
            default -> "0X" + Long.toHexString(value).toUpperCase(java.util.Locale.ROOT);
        };
    }

    @Test
    void canonicalLeavesOtherIpv6AddressesAlone() {
        InetAddress v6 = HostAddresses.of("[2001:db8::7f00:1]").orElseThrow();

        assertThat(HostAddresses.canonical(v6)).isSameAs(v6);
    }
}
