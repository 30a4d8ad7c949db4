package io.practicalsystems.crawler.application.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.practicalsystems.crawler.application.CrawlState;
import io.practicalsystems.crawler.application.store.PageDocument;
import io.practicalsystems.crawler.frontier.Claim;
import io.practicalsystems.crawler.frontier.Outcome;
import io.practicalsystems.crawler.testweb.Respond;
import io.practicalsystems.crawler.testweb.TestWeb;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The pipeline's steps against a real local web, without JMS: one claim at a time. */
class FetchPipelineTest {

    private PipelineFixture f;
    private String site;

    @BeforeEach
    void start() throws Exception {
        f = PipelineFixture.start(PipelineFixture.options(), PipelineFixture.definition(List.of(), 2, 0));
        site = f.host("site.crawl.test");
        f.host("other.crawl.test");
        f.web.site("other.crawl.test", ex -> Respond.text(ex, 404, "none"));
        f.web.site(site, ex -> {
            switch (ex.getRequestURI().getPath()) {
                case "/robots.txt" -> Respond.text(ex, 200, "User-agent: *\nDisallow: /private/\n");
                case "/" -> Respond.html(ex, 200, "<title>Home</title><p>welcome to the home page of the site</p>"
                        + "<a href=/a>a</a> <a href=/private/x>x</a> <a rel=nofollow href=/nf>nf</a>"
                        + " <a href=http://elsewhere.example/>out</a> <a href=/copy>c</a>");
                case "/a" -> Respond.html(ex, 200, "<p>page a has some words of its own in it</p><a href=/b>b</a>");
                case "/copy" -> Respond.html(ex, 200, "<title>Home</title><p>welcome to the home page of the site</p>"
                        + "<a href=/a>a</a> <a href=/private/x>x</a> <a rel=nofollow href=/nf>nf</a>"
                        + " <a href=http://elsewhere.example/>out</a> <a href=/copy>c</a>");
                case "/r1" -> Respond.redirect(ex, 301, "/r2");
                case "/r2" -> Respond.redirect(ex, 302, "/r3");
                case "/r3" -> Respond.redirect(ex, 302, "/r4");
                case "/loop" -> Respond.redirect(ex, 302, "/loop2");
                case "/loop2" -> Respond.redirect(ex, 302, "/loop");
                case "/down" -> Respond.retryAfter(ex, 503, 0);
                case "/gone" -> Respond.text(ex, 404, "gone");
                case "/image.png" -> Respond.bytes(ex, 200, "image/png", new byte[] {1, 2, 3});
                case "/sitemap.xml" -> Respond.text(ex, 404, "no sitemap");
                default -> Respond.html(ex, 200, "<p>" + ex.getRequestURI().getPath() + " is a page</p>");
            }
        });
    }

    @AfterEach
    void stop() {
        f.close();
    }

    @Test
    void robotsTxtIsFetchedFirstAsTheHostsTurnThenThePageWithItsFollowableLinks() throws Exception {
        f.seed(f.url(site, "/"));

        FetchPipeline.Handled robots = f.next();
        FetchPipeline.Handled home = f.next();

        assertThat(robots.done().outcome()).isEqualTo(Outcome.REQUEUE);
        assertThat(robots.completed()).isTrue();
        assertThat(home.done().outcome()).isEqualTo(Outcome.FETCHED);
        assertThat(f.web.accessLog()).extracting(TestWeb.Access::pathAndQuery).containsExactly("/robots.txt", "/");
        PageDocument page = f.pages.get(f.url(site, "/"));
        assertThat(page.title()).isEqualTo("Home");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.links()).as("not the disallowed, nofollow or out-of-scope ones; robots decides at fetch")
                .containsExactlyInAnyOrder(f.url(site, "/a"), f.url(site, "/private/x"), f.url(site, "/copy"));
        assertThat(f.frontier.stats(PipelineFixture.CRAWL).seen()).as("home, its 3 links, the sitemap").isEqualTo(5);
        assertThat(f.count("fetched")).isEqualTo(1);
    }

    @Test
    void theHostsDelayRunsFromThePagesAnswerNotFromTheEndOfItsProcessing() throws Exception {
        try (PipelineFixture polite = PipelineFixture.start(PipelineFixture.options(),
                PipelineFixture.definition(List.of(), 2, 1_000))) {
            String host = polite.host("polite.crawl.test");
            polite.web.site(host, ex -> Respond.html(ex, 200, "<p>a page</p><a href=/next>next</a>"));
            polite.seed(polite.url(host, "/"));
            polite.next(); // robots.txt: the host's first turn
            polite.storeMillis = 300;

            FetchPipeline.Handled home = polite.next();
            long untilDue = polite.frontier.millisUntilDue(PipelineFixture.CRAWL);

            assertThat(home.done().outcome()).isEqualTo(Outcome.FETCHED);
            assertThat(home.done().hostDelayMs()).isEqualTo(1_000);
            assertThat(untilDue).as("the 300 ms of storing counted toward the delay").isBetween(0L, 702L);
        }
    }

    @Test
    void aTaskClaimedAheadOfItsHostsTimeRequestsNothingBeforeThen() throws Exception {
        long[] now = {1_000_000};
        List<Integer> requestsWhenSleeping = new java.util.ArrayList<>();
        List<Long> sleeps = new java.util.ArrayList<>();
        f.pipeline.withOutageWait(() -> now[0], millis -> {
            requestsWhenSleeping.add(f.web.accessLog().size());
            sleeps.add(millis);
            now[0] += millis;
        });
        f.seed(f.url(site, "/"));
        Claim claim = f.claim();

        FetchPipeline.Handled robots = f.pipeline.handle(new FetchTask(PipelineFixture.CRAWL, claim, now[0] + 150));

        assertThat(sleeps).containsExactly(150L);
        assertThat(requestsWhenSleeping).containsExactly(0);
        assertThat(robots.done().outcome()).isEqualTo(Outcome.REQUEUE);
        assertThat(f.web.accessLog()).extracting(TestWeb.Access::pathAndQuery).containsExactly("/robots.txt");
    }

    /**
     * An outage after robots.txt was answered (here: offering its sitemap) repeats the robots step; the repeat must
     * not request robots.txt again, nor go on to the page in the same turn (it once did: the step's repeat found the
     * stored decision and fetched the page right after robots.txt).
     */
    @Test
    void anOutageAfterRobotsTxtWasAnsweredRequestsNothingMoreInThatTurn() throws Exception {
        f.seed(f.url(site, "/"));
        f.offerFailures.set(1);

        FetchPipeline.Handled robots = f.next();

        assertThat(robots.done().outcome()).isEqualTo(Outcome.REQUEUE);
        assertThat(f.web.accessLog()).extracting(TestWeb.Access::pathAndQuery).containsExactly("/robots.txt");
        assertThat(f.frontier.stats(PipelineFixture.CRAWL).seen()).as("the sitemap offered on the repeat").isEqualTo(2);
    }

    @Test
    void aDisallowedUrlIsSkippedAndRecordedWithoutARequest() throws Exception {
        f.seed(f.url(site, "/private/x"));

        f.next(); // robots.txt
        FetchPipeline.Handled disallowed = f.next();

        assertThat(disallowed.done().outcome()).isEqualTo(Outcome.SKIPPED);
        assertThat(f.web.accessLog()).extracting(TestWeb.Access::pathAndQuery).containsExactly("/robots.txt");
        assertThat(f.pages.get(f.url(site, "/private/x")).errorKind()).isEqualTo("robots-disallowed");
    }

    @Test
    void anExactDuplicateIsRecordedWithWhatItDuplicatesAndItsLinksAreNotFollowed() throws Exception {
        f.seed(f.url(site, "/"), f.url(site, "/copy"));

        List<String> notes = f.crawlToEnd();

        PageDocument copy = f.pages.get(f.url(site, "/copy"));
        PageDocument home = f.pages.get(f.url(site, "/"));
        assertThat(copy.duplicateOf() == null ? home.duplicateOf() : copy.duplicateOf())
                .as(notes.toString()).isIn(f.url(site, "/"), f.url(site, "/copy"));
        PageDocument duplicate = copy.duplicateOf() != null ? copy : home;
        assertThat(duplicate.links()).isEmpty();
        assertThat(f.count("duplicates")).isEqualTo(1);
    }

    @Test
    void aRedirectIsOfferedAsANewUrlAndAChainPastTheLimitIsAnError() throws Exception {
        f.seed(f.url(site, "/r1"));

        f.crawlToEnd();

        assertThat(f.pages.get(f.url(site, "/r1")).links()).containsExactly(f.url(site, "/r2"));
        assertThat(f.pages.get(f.url(site, "/r2")).errorKind()).isNull();
        assertThat(f.pages.get(f.url(site, "/r3")).errorKind()).as("hop 3, limit 2").isEqualTo("redirect-limit");
        assertThat(f.pages).doesNotContainKey(f.url(site, "/r4"));
        assertThat(f.count("error:redirect-limit")).isEqualTo(1);
    }

    @Test
    void aRedirectLoopEndsAtTheSeenSet() throws Exception {
        f.seed(f.url(site, "/loop"));

        f.crawlToEnd();

        assertThat(f.web.accessLog(a -> a.pathAndQuery().startsWith("/loop")))
                .extracting(TestWeb.Access::pathAndQuery).containsExactly("/loop", "/loop2");
        assertThat(f.pages.get(f.url(site, "/loop2")).links()).containsExactly(f.url(site, "/loop"));
    }

    @Test
    void transientErrorsAreRetriedWithBackoffUntilTheLastAttemptOtherErrorsFailAtOnce() throws Exception {
        f.seed(f.url(site, "/down"), f.url(site, "/gone"), f.url(site, "/image.png"));

        List<String> notes = f.crawlToEnd();

        assertThat(f.web.accessLog(a -> a.pathAndQuery().equals("/down"))).as(notes.toString()).hasSize(2);
        assertThat(f.web.accessLog(a -> a.pathAndQuery().equals("/gone"))).hasSize(1);
        assertThat(f.pages.get(f.url(site, "/down")).errorKind()).isEqualTo("http-503");
        assertThat(f.pages.get(f.url(site, "/gone")).errorKind()).isEqualTo("http-404");
        assertThat(f.pages.get(f.url(site, "/image.png")).errorKind()).isEqualTo("unsupported-content-type");
        assertThat(f.count("error:http-503")).isEqualTo(1);
        assertThat(f.count("error:http-404")).isEqualTo(1);
        assertThat(f.frontier.stats(PipelineFixture.CRAWL).failed()).isEqualTo(2);
    }

    @Test
    void aHostThatDoesNotResolveFailsItsUrlAtOnce() throws Exception {
        f.seed(f.url("nowhere.crawl.test", "/"));

        FetchPipeline.Handled missing = f.next();

        assertThat(missing.done().outcome()).isEqualTo(Outcome.FAILED);
        assertThat(f.pages.get(f.url("nowhere.crawl.test", "/")).errorKind()).isEqualTo("dns");
        assertThat(f.count("error:dns")).isEqualTo(1);
    }

    @Test
    void aStaleOrRedeliveredTaskFetchesNothing() throws Exception {
        f.seed(f.url(site, "/"));
        f.next(); // robots.txt
        Claim claim = f.claim();
        FetchTask task = new FetchTask(PipelineFixture.CRAWL, claim);

        FetchPipeline.Handled first = f.pipeline.handle(task);
        FetchPipeline.Handled redelivered = f.pipeline.handle(task);

        assertThat(first.completed()).isTrue();
        assertThat(redelivered.stale()).isTrue();
        assertThat(f.web.accessLog(a -> a.pathAndQuery().equals("/"))).hasSize(1);
    }

    @Test
    void aCrawlThatIsNoLongerRunningGetsItsUrlBackUnfetched() throws Exception {
        f.seed(f.url(site, "/"));
        f.state.set(CrawlState.PAUSED);

        FetchPipeline.Handled paused = f.next();

        assertThat(paused.done().outcome()).isEqualTo(Outcome.REQUEUE);
        assertThat(f.web.accessLog()).isEmpty();
        assertThat(f.frontier.stats(PipelineFixture.CRAWL).queued()).isEqualTo(1);
    }
}
