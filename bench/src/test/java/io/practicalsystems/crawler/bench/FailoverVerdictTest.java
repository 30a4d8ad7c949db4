package io.practicalsystems.crawler.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.practicalsystems.crawler.testweb.TestWeb;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FailoverVerdictTest {

    private static final List<String> SERVERS = List.of("crawl-a", "crawl-b");
    private static final long MS = 1_000_000;
    /** crawl-a dies 10 s in; delay 500 ms, lease 4 s, at most 2 claims in flight. */
    private static final FailoverVerdict.Kill KILL = new FailoverVerdict.Kill("crawl-a", 10_000 * MS);
    private static final FailoverVerdict.Limits LIMITS = new FailoverVerdict.Limits(500, 4_000, 2);

    private final List<TestWeb.Access> log = new ArrayList<>();

    /** A request of 20 ms by {@code server} to http://host:80/path arriving at {@code ms}. */
    private void request(String server, String host, String path, long ms) {
        log.add(new TestWeb.Access(host, path, "127.0.0.1", "127.0.1.1", ms * MS, ms, 200, (ms + 20) * MS,
                "PracticalSystemsCrawler/0.1 (+http://" + server + ".experiment.test/)"));
    }

    private FailoverVerdict verdict(String... expectedUrls) {
        return new FailoverVerdict(log, 80, SERVERS, KILL, LIMITS, Set.of(expectedUrls));
    }

    /** Hosts x and y: a works both until it dies, then b takes over; x/2 was a's last fetch, repeated by b. */
    private void aCleanFailover() {
        request("crawl-a", "x", "/1", 8_000);
        request("crawl-a", "y", "/1", 8_100);
        request("crawl-a", "x", "/2", 9_000);
        request("crawl-b", "y", "/2", 9_000);
        request("crawl-b", "x", "/2", 14_000);
        request("crawl-b", "x", "/3", 14_500);
    }

    @Test
    void aPageTheKilledServerHadFetchedShortlyBeforeDyingMayBeFetchedOnceMore() {
        aCleanFailover();
        FailoverVerdict verdict = verdict("http://x:80/1", "http://x:80/2", "http://x:80/3", "http://y:80/1",
                "http://y:80/2");

        assertThat(verdict.crashRepeats()).containsExactly("http://x:80/2");
        assertThat(verdict.otherRepeats()).isEmpty();
        assertThat(verdict.missingUrls()).isEmpty();
        assertThat(verdict.hostsBelowDelay()).isEmpty();
        assertThat(verdict.overlaps()).isEmpty();
        assertThat(verdict.hostsOfSeveralServers()).containsExactly("x", "y");
        assertThat(verdict.requestsByServer()).containsExactly(Map.entry("crawl-a", 3L),
                Map.entry("crawl-b", 3L));
        assertThat(verdict.requestsAfterKillByServer()).containsEntry("crawl-a", 0L).containsEntry("crawl-b", 2L);
        assertThat(verdict.passed()).isTrue();
        assertThat(verdict.text()).endsWith("verdict: PASS\n")
                .contains("URLs requested twice in the crash window: 1", "URLs requested twice otherwise: 0");
    }

    @Test
    void aRepeatOutsideTheCrashWindowFails() {
        aCleanFailover();
        request("crawl-a", "w", "/1", 5_000);
        request("crawl-b", "w", "/1", 12_000); // a requested w/1 more than a lease before it died
        request("crawl-b", "y", "/2", 12_500); // y/2 was b's own
        request("crawl-a", "x", "/9", 1_000);
        request("crawl-b", "x", "/9", 9_500); // the second request came before the kill

        FailoverVerdict verdict = verdict();

        assertThat(verdict.crashRepeats()).containsExactly("http://x:80/2");
        assertThat(verdict.otherRepeats()).containsExactly("http://w:80/1", "http://x:80/9", "http://y:80/2");
        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.text()).endsWith("verdict: FAIL\n");
    }

    @Test
    void moreCrashRepeatsThanTheKilledServerCouldHaveInFlightFail() {
        for (String host : List.of("p", "q", "r")) {
            request("crawl-a", host, "/", 9_900);
            request("crawl-b", host, "/", 15_000);
        }
        FailoverVerdict verdict = verdict();

        assertThat(verdict.crashRepeats()).hasSize(3);
        assertThat(verdict.passed()).isFalse();
    }

    @Test
    void twoServersOnOneHostCloserThanTheDelayOrAtOnceFail() {
        request("crawl-a", "x", "/1", 1_000);
        request("crawl-b", "x", "/2", 1_010); // while a's request is in progress
        request("crawl-b", "y", "/1", 2_000);
        request("crawl-b", "y", "/2", 2_300); // one server, too soon

        FailoverVerdict verdict = verdict();

        assertThat(verdict.hostsWorkedByTwoServersAtOnce()).containsExactly("x");
        assertThat(verdict.overlaps()).hasSize(1);
        assertThat(verdict.hostsBelowDelay()).containsExactly("x", "y");
        assertThat(verdict.passed()).isFalse();
    }

    @Test
    void aGapWithinTheClockSlackOfTheDelayPasses() {
        request("crawl-a", "x", "/1", 1_000);
        request("crawl-b", "x", "/2", 1_499);

        assertThat(verdict().hostsBelowDelay()).isEmpty();
    }

    @Test
    void aPageNeverRequestedFails() {
        aCleanFailover();
        FailoverVerdict verdict = verdict("http://x:80/1", "http://z:80/1");

        assertThat(verdict.missingUrls()).containsExactly("http://z:80/1");
        assertThat(verdict.passed()).isFalse();
    }

    @Test
    void requestsWithoutAServerNameAreCountedAsUnknown() {
        log.add(new TestWeb.Access("x", "/", "127.0.0.1", "127.0.1.1", 0, 0, 200, MS, "curl/8"));

        assertThat(FailoverVerdict.requestsByServer(log, SERVERS)).containsEntry("crawl-a", 0L)
                .containsEntry("crawl-b", 0L).containsEntry(FailoverVerdict.UNKNOWN, 1L);
    }
}
