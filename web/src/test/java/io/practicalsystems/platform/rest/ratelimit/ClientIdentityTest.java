package io.practicalsystems.platform.rest.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClientIdentityTest {

    @Test
    void aVerifiedKeyIdentifiesTheClientByItsPublicId() {
        assertThat(ClientIdentity.of("0123456789abcdef", "192.0.2.1", null, false)).isEqualTo("key:0123456789abcdef");
        assertThat(ClientIdentity.of("0123456789abcdef", "198.51.100.7", null, false)).as("from anywhere")
                .isEqualTo("key:0123456789abcdef");
    }

    @Test
    void theAddressIsTheAddressWhateverKeyWasSent() {
        assertThat(ClientIdentity.address("192.0.2.1", null, false)).isEqualTo("ip:192.0.2.1");
        assertThat(ClientIdentity.address("10.0.0.5", "1.2.3.4, 203.0.113.9", true)).isEqualTo("ip:203.0.113.9");
    }

    @Test
    void withoutAnApiKeyTheRemoteAddressCounts() {
        assertThat(ClientIdentity.of(null, "192.0.2.1", null, false)).isEqualTo("ip:192.0.2.1");
    }

    @Test
    void xForwardedForIsIgnoredUnlessTrusted() {
        assertThat(ClientIdentity.of(null, "10.0.0.5", "203.0.113.9", false)).isEqualTo("ip:10.0.0.5");
    }

    @Test
    void whenTrustedOnlyTheEntryOurProxyAppendedCounts() {
        // the client sent "1.2.3.4" itself; our proxy appended the address it saw
        assertThat(ClientIdentity.of(null, "10.0.0.5", "1.2.3.4, 203.0.113.9", true)).isEqualTo("ip:203.0.113.9");
        assertThat(ClientIdentity.of(null, "10.0.0.5", "203.0.113.9", true)).isEqualTo("ip:203.0.113.9");
        // garbage or a hostname there: fall back to the peer address, never resolve anything
        assertThat(ClientIdentity.of(null, "10.0.0.5", "1.2.3.4, evil.example", true)).isEqualTo("ip:10.0.0.5");
        assertThat(ClientIdentity.of(null, "10.0.0.5", "", true)).isEqualTo("ip:10.0.0.5");
        assertThat(ClientIdentity.of(null, "10.0.0.5", "abc", true)).isEqualTo("ip:10.0.0.5");
        assertThat(ClientIdentity.of(null, "10.0.0.5", "g::1", true)).isEqualTo("ip:10.0.0.5");
        assertThat(ClientIdentity.of(null, "10.0.0.5", "999.1.1.1", true)).isEqualTo("ip:10.0.0.5");
    }

    @Test
    void ipv6ClientsCountPerSlash64() {
        String a = ClientIdentity.of(null, "2001:db8:1:2:aaaa:bbbb:cccc:dddd", null, false);
        String b = ClientIdentity.of(null, "2001:db8:1:2::1", null, false);
        String other = ClientIdentity.of(null, "2001:db8:1:3::1", null, false);
        assertThat(a).isEqualTo("ip:2001:db8:1:2:0:0:0:0/64").isEqualTo(b);
        assertThat(other).isNotEqualTo(a);
        assertThat(ClientIdentity.of(null, "[2001:db8:1:2::1]", null, false)).isEqualTo(a);
        assertThat(ClientIdentity.of(null, "fe80::1%eth0", null, false)).isEqualTo("ip:fe80:0:0:0:0:0:0:0/64");
        assertThat(ClientIdentity.of(null, "10.0.0.5", "2001:db8:1:2::77", true)).isEqualTo(a);
    }

    @Test
    void ipv4MappedIpv6IsTheIpv4Address() {
        assertThat(ClientIdentity.of(null, "::ffff:192.0.2.1", null, false)).isEqualTo("ip:192.0.2.1");
    }

    @Test
    void anUnparseablePeerAddressIsStillAClient() {
        assertThat(ClientIdentity.of(null, "some-socket", null, false)).isEqualTo("ip:some-socket");
        assertThat(ClientIdentity.of(null, null, null, false)).isEqualTo("ip:unknown");
    }
}
