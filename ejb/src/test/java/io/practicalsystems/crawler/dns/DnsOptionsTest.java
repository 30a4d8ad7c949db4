package io.practicalsystems.crawler.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class DnsOptionsTest {

    @Test
    void parsesHostPortListsAndDefaultsThePortTo53() {
        assertThat(DnsOptions.parseServers(" 127.0.0.1:5353, 10.0.0.2 ,[::1]:54,[::2]"))
                .containsExactly(new InetSocketAddress("127.0.0.1", 5353), new InetSocketAddress("10.0.0.2", 53),
                        new InetSocketAddress("::1", 54), new InetSocketAddress("::2", 53));
        assertThat(DnsOptions.parseServers("  ")).isEmpty();
        assertThat(DnsOptions.parseServers(null)).isEmpty();
    }

    @Test
    void refusesBadPorts() {
        assertThatThrownBy(() -> DnsOptions.parseServers("127.0.0.1:x")).hasMessageContaining("port");
        assertThatThrownBy(() -> DnsOptions.parseServers("127.0.0.1:70000")).hasMessageContaining("port");
        assertThatThrownBy(() -> DnsOptions.parseServers("[::1")).hasMessageContaining("]");
    }
}
