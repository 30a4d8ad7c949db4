package io.practicalsystems.crawler.testweb;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/** The test DNS server over its real sockets, asked by dnsjava's plain resolver (no cache). */
class TestDnsServerTest {

    private TestDnsServer dns;

    @BeforeEach
    void start() throws Exception {
        dns = TestDnsServer.start(30);
        dns.put("h01.crawl.test", "127.0.1.2", 120);
    }

    @AfterEach
    void stop() {
        dns.close();
    }

    private Message ask(String name, int type, boolean tcp) throws Exception {
        SimpleResolver resolver = new SimpleResolver(dns.address());
        resolver.setTCP(tcp);
        resolver.setTimeout(Duration.ofSeconds(2));
        return resolver.send(Message.newQuery(Record.newRecord(Name.fromString(name), type, DClass.IN)));
    }

    @Test
    void answersAQueriesWithTheAddressAndTtlOverUdpAndTcp() throws Exception {
        for (boolean tcp : new boolean[] {false, true}) {
            Message answer = ask("h01.crawl.test.", Type.A, tcp);
            assertThat(answer.getRcode()).isEqualTo(Rcode.NOERROR);
            ARecord a = (ARecord) answer.getSection(Section.ANSWER).get(0);
            assertThat(a.getAddress().getHostAddress()).isEqualTo("127.0.1.2");
            assertThat(a.getTTL()).isEqualTo(120);
        }
        assertThat(dns.queries("h01.crawl.test")).isEqualTo(2);
        assertThat(dns.queries("H01.Crawl.Test.")).isEqualTo(2);
    }

    @Test
    void unknownNamesGetNxdomainWithTheNegativeTtlInTheSoa() throws Exception {
        Message answer = ask("nope.crawl.test.", Type.A, false);
        assertThat(answer.getRcode()).isEqualTo(Rcode.NXDOMAIN);
        SOARecord soa = (SOARecord) answer.getSection(Section.AUTHORITY).get(0);
        assertThat(soa.getMinimum()).isEqualTo(30);
        assertThat(soa.getTTL()).isEqualTo(30);
    }

    @Test
    void aKnownNameWithoutThatTypeIsNoDataAndChangesAreImmediate() throws Exception {
        Message noData = ask("h01.crawl.test.", Type.AAAA, false);
        assertThat(noData.getRcode()).isEqualTo(Rcode.NOERROR);
        assertThat(noData.getSection(Section.ANSWER)).isEmpty();
        assertThat(noData.getSection(Section.AUTHORITY)).hasSize(1);
        dns.put("h01.crawl.test", "127.0.1.3", 5);
        assertThat(((ARecord) ask("h01.crawl.test.", Type.A, false).getSection(Section.ANSWER).get(0)).getAddress().getHostAddress())
                .isEqualTo("127.0.1.3");
        dns.remove("h01.crawl.test");
        assertThat(ask("h01.crawl.test.", Type.A, false).getRcode()).isEqualTo(Rcode.NXDOMAIN);
        dns.failing("h02.crawl.test", true);
        assertThat(ask("h02.crawl.test.", Type.A, false).getRcode()).isEqualTo(Rcode.SERVFAIL);
    }
}
