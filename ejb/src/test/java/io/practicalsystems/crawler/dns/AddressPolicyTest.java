package io.practicalsystems.crawler.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Inet6Address;
import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class AddressPolicyTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            127.0.0.1        | loopback
            127.0.3.4        | loopback
            ::1              | loopback
            0.0.0.0          | unspecified (this network)
            0.1.2.3          | unspecified (this network)
            ::               | unspecified
            10.0.0.1         | private
            10.255.255.255   | private
            172.16.0.1       | private
            172.31.255.254   | private
            192.168.1.1      | private
            169.254.169.254  | link-local
            fe80::1          | link-local
            febf::1          | link-local
            fc00::1          | unique-local
            fdff:1234::1     | unique-local
            fec0::1          | site-local
            100.64.0.1       | shared address space (CGNAT)
            100.127.255.255  | shared address space (CGNAT)
            224.0.0.1        | multicast
            239.255.255.250  | multicast
            ff02::1          | multicast
            255.255.255.255  | reserved (incl. broadcast)
            64:ff9b::a00:1   | private (embedded in an IPv6 address)
            ::7f00:1         | loopback (embedded in an IPv6 address)
            2002:c0a8:101::1 | private (embedded in an IPv6 address)
            """)
    void refusesNonPublicAddressesByDefault(String address, String reason) throws Exception {
        AddressPolicy policy = AddressPolicy.of(false);
        InetAddress parsed = InetAddress.getByName(address);
        assertThat(policy.refusal(parsed)).contains(reason);
        assertThat(AddressPolicy.of(true).permits(parsed)).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"8.8.8.8", "1.1.1.1", "172.15.255.255", "172.32.0.1", "100.63.255.255", "100.128.0.1",
            "192.169.0.1", "169.255.0.1", "11.0.0.1", "2606:4700::1111", "2001:db8::1", "fe00::1", "64:ff9b::808:808"})
    void permitsPublicAddresses(String address) throws Exception {
        assertThat(AddressPolicy.of(false).refusal(InetAddress.getByName(address))).isEmpty();
    }

    @Test
    void judgesAnIpv4MappedIpv6AddressByItsIpv4Address() throws Exception {
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        mapped[12] = 10;
        mapped[15] = 1;
        // Inet6Address.getByAddress keeps the IPv6 form (InetAddress.getByName would turn it into 10.0.0.1).
        InetAddress v6 = Inet6Address.getByAddress(null, mapped, -1);
        assertThat(v6).isInstanceOf(Inet6Address.class);
        assertThat(AddressPolicy.of(false).refusal(v6)).contains("private (embedded in an IPv6 address)");
        assertThat(AddressPolicy.of(false).refusal(InetAddress.getByName("::ffff:127.0.0.1"))).contains("loopback");
        mapped[12] = 8;
        mapped[15] = 8;
        assertThat(AddressPolicy.of(false).permits(Inet6Address.getByAddress(null, mapped, -1))).isTrue();
    }

    @Test
    void checkNamesTheHostTheAddressAndTheReason() throws Exception {
        assertThatThrownBy(() -> AddressPolicy.of(false).check("evil.example", InetAddress.getByName("192.168.0.7")))
                .isInstanceOf(RefusedAddressException.class)
                .hasMessage("evil.example resolves to 192.168.0.7, a private address, which this crawl may not connect to");
    }
}
