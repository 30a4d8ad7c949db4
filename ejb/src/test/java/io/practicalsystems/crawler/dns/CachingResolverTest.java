package io.practicalsystems.crawler.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.practicalsystems.crawler.testweb.TestDnsServer;
import java.net.InetAddress;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against a real DNS server on a loopback port: what is asked, and when again. */
class CachingResolverTest {

    private TestDnsServer dns;
    private CachingResolver resolver;

    @BeforeEach
    void start() throws Exception {
        dns = TestDnsServer.start(60);
        resolver = new CachingResolver(DnsOptions.defaults().withServers(dns.hostPort()).withTimeout(Duration.ofSeconds(2)));
    }

    @AfterEach
    void stop() {
        dns.close();
    }

    @Test
    void resolvesFromTheServerAndAnswersRepeatsFromTheCache() throws Exception {
        dns.put("a.crawl.test", "127.0.1.7", 300);
        assertThat(resolver.resolve("a.crawl.test")).containsExactly(InetAddress.getByName("127.0.1.7"));
        assertThat(resolver.resolve("A.Crawl.Test")).containsExactly(InetAddress.getByName("127.0.1.7"));
        assertThat(resolver.resolve("a.crawl.test.")).containsExactly(InetAddress.getByName("127.0.1.7"));
        // One A query and one AAAA query (answered "no data", cached by the SOA's negative TTL).
        assertThat(dns.queries("a.crawl.test")).isEqualTo(2);
    }

    @Test
    void aChangedRecordIsPickedUpOnlyAfterItsTtl() throws Exception {
        dns.put("moving.crawl.test", "127.0.1.1", 1);
        assertThat(resolver.resolve("moving.crawl.test")).containsExactly(InetAddress.getByName("127.0.1.1"));
        dns.put("moving.crawl.test", "127.0.1.2", 1);
        assertThat(resolver.resolve("moving.crawl.test")).containsExactly(InetAddress.getByName("127.0.1.1"));
        int queriesBefore = dns.queries("moving.crawl.test");
        // dnsjava keeps TTLs in whole seconds: after 2.1 s a 1 s record has expired whatever the start phase.
        Thread.sleep(2_100);
        assertThat(resolver.resolve("moving.crawl.test")).containsExactly(InetAddress.getByName("127.0.1.2"));
        assertThat(dns.queries("moving.crawl.test")).isGreaterThan(queriesBefore);
    }

    @Test
    void aMaximumTtlCapsLongRecords() throws Exception {
        CachingResolver capped = new CachingResolver(DnsOptions.defaults().withServers(dns.hostPort()).withMaxTtl(Duration.ofSeconds(1)));
        dns.put("long.crawl.test", "127.0.1.1", 86_400);
        capped.resolve("long.crawl.test");
        dns.put("long.crawl.test", "127.0.1.2", 86_400);
        Thread.sleep(2_100);
        assertThat(capped.resolve("long.crawl.test")).containsExactly(InetAddress.getByName("127.0.1.2"));
    }

    @Test
    void anUnknownNameIsCachedAsMissingForTheNegativeTtl() throws Exception {
        assertThatThrownBy(() -> resolver.resolve("nope.crawl.test"))
                .isInstanceOfSatisfying(DnsLookupException.class,
                        e -> assertThat(e.kind()).isEqualTo(DnsLookupException.Kind.NOT_FOUND));
        int queries = dns.queries("nope.crawl.test");
        assertThat(queries).isEqualTo(1);
        dns.put("nope.crawl.test", "127.0.1.9", 60);
        assertThatThrownBy(() -> resolver.resolve("nope.crawl.test")).isInstanceOf(DnsLookupException.class);
        assertThat(dns.queries("nope.crawl.test")).isEqualTo(queries);
    }

    @Test
    void aNegativeAnswerExpiresWithItsNegativeTtl() throws Exception {
        dns.negativeTtlSeconds(1);
        assertThatThrownBy(() -> resolver.resolve("soon.crawl.test")).isInstanceOf(DnsLookupException.class);
        dns.put("soon.crawl.test", "127.0.1.9", 60);
        Thread.sleep(2_100);
        assertThat(resolver.resolve("soon.crawl.test")).containsExactly(InetAddress.getByName("127.0.1.9"));
    }

    @Test
    void aNameWithOnlyAnotherAddressFamilyIsNoAddressAndThatIsCachedToo() throws Exception {
        CachingResolver v4Only = new CachingResolver(DnsOptions.defaults().withServers(dns.hostPort()).withIpv6(false));
        dns.put("six.crawl.test", "::1", 60);
        assertThatThrownBy(() -> v4Only.resolve("six.crawl.test"))
                .isInstanceOfSatisfying(DnsLookupException.class,
                        e -> assertThat(e.kind()).isEqualTo(DnsLookupException.Kind.NO_ADDRESS));
        assertThatThrownBy(() -> v4Only.resolve("six.crawl.test")).isInstanceOf(DnsLookupException.class);
        assertThat(dns.queries("six.crawl.test")).isEqualTo(1);
        assertThat(resolver.resolve("six.crawl.test")).containsExactly(InetAddress.getByName("::1"));
    }

    @Test
    void aServerFailureIsTemporaryAndNotCached() throws Exception {
        dns.put("flaky.crawl.test", "127.0.1.3", 60).failing("flaky.crawl.test", true);
        assertThatThrownBy(() -> resolver.resolve("flaky.crawl.test"))
                .isInstanceOfSatisfying(DnsLookupException.class, e -> assertThat(e.temporary()).isTrue());
        dns.failing("flaky.crawl.test", false);
        assertThat(resolver.resolve("flaky.crawl.test")).containsExactly(InetAddress.getByName("127.0.1.3"));
    }

    @Test
    void ipLiteralsBypassDnsAndLocalhostIsNotSpecial() throws Exception {
        assertThat(resolver.resolve("10.1.2.3")).containsExactly(InetAddress.getByName("10.1.2.3"));
        assertThat(resolver.resolve("[::1]")).containsExactly(InetAddress.getByName("::1"));
        assertThat(resolver.resolve("::1")).containsExactly(InetAddress.getByName("::1"));
        assertThat(dns.totalQueries()).isZero();
        assertThatThrownBy(() -> resolver.resolve("localhost")).isInstanceOf(DnsLookupException.class);
        assertThat(dns.queries("localhost")).isEqualTo(1);
    }

    @Test
    void anUnreachableServerIsATemporaryFailure() throws Exception {
        int port = dns.port();
        dns.close();
        CachingResolver lonely = new CachingResolver(DnsOptions.defaults().withServers("127.0.0.1:" + port).withTimeout(Duration.ofMillis(300)));
        assertThatThrownBy(() -> lonely.resolve("x.crawl.test"))
                .isInstanceOfSatisfying(DnsLookupException.class, e -> assertThat(e.temporary()).isTrue());
    }
}
