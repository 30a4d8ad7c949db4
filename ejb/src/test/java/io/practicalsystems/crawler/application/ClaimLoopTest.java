package io.practicalsystems.crawler.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.practicalsystems.crawler.frontier.Claim;
import io.practicalsystems.crawler.frontier.Completion;
import io.practicalsystems.crawler.frontier.FrontierLimits;
import io.practicalsystems.crawler.frontier.FrontierUrl;
import io.practicalsystems.crawler.frontier.InMemoryFrontier;
import io.practicalsystems.crawler.frontier.Outcome;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The run's decisions on the in-memory frontier with a simulated clock. */
class ClaimLoopTest {

    private final AtomicLong clock = new AtomicLong(1_000_000);
    private final InMemoryFrontier frontier = new InMemoryFrontier(clock::get);
    private static final FrontierLimits LIMITS = new FrontierLimits(100, 5, 100, 100);

    private ClaimLoop loop(FrontierLimits limits) {
        return new ClaimLoop(frontier, "c1", "worker-a", 60_000, limits);
    }

    private void offer(String... hostsAndPaths) {
        for (String hostAndPath : hostsAndPaths) {
            String host = hostAndPath.substring(0, hostAndPath.indexOf('/'));
            frontier.offer("c1", List.of(FrontierUrl.page("http://" + hostAndPath, host, 0, null)), LIMITS);
        }
    }

    private List<Claim> claimed(ClaimLoop.Step step) {
        assertThat(step).isInstanceOf(ClaimLoop.Claimed.class);
        return ((ClaimLoop.Claimed) step).claims();
    }

    @Test
    void aStoppedCrawlEndsAndAPausedOneWaitsWithoutClaimingAnything() {
        offer("a.test/1");
        for (CrawlState state : new CrawlState[] {CrawlState.STOPPED, CrawlState.FINISHED, CrawlState.CREATED}) {
            assertThat(loop(LIMITS).next(state, 10)).isEqualTo(new ClaimLoop.End("NOT_RUNNING=" + state, false));
        }
        assertThat(loop(LIMITS).next(CrawlState.PAUSED, 10)).isInstanceOf(ClaimLoop.Wait.class);
        assertThat(frontier.stats("c1").inFlight()).isZero();
        assertThat(claimed(loop(LIMITS).next(CrawlState.RUNNING, 10))).hasSize(1);
    }

    @Test
    void claimsAtMostTheCapacityAndWaitsWhenThePipelineIsFull() {
        offer("a.test/1", "b.test/1", "c.test/1");
        assertThat(claimed(loop(LIMITS).next(CrawlState.RUNNING, 2))).hasSize(2);
        assertThat(loop(LIMITS).next(CrawlState.RUNNING, 0)).isInstanceOf(ClaimLoop.Wait.class);
        assertThat(frontier.stats("c1").inFlight()).isEqualTo(2);
    }

    @Test
    void waitsWhileUrlsAreInFlightOrNotDueAndFinishesWhenNothingIsLeft() {
        offer("a.test/1", "a.test/2");
        ClaimLoop loop = loop(LIMITS);
        Claim first = claimed(loop.next(CrawlState.RUNNING, 10)).get(0);
        assertThat(loop.next(CrawlState.RUNNING, 10)).as("one host, leased until its lease expires")
                .isEqualTo(new ClaimLoop.Wait(60_000));
        frontier.complete("c1", first, new Completion(Outcome.FETCHED, 5_000));
        assertThat(loop.next(CrawlState.RUNNING, 10)).as("the host's delay").isEqualTo(new ClaimLoop.Wait(5_000));
        clock.addAndGet(1_000);
        assertThat(loop.next(CrawlState.RUNNING, 10)).isEqualTo(new ClaimLoop.Wait(4_000));
        clock.addAndGet(4_000);
        Claim second = claimed(loop.next(CrawlState.RUNNING, 10)).get(0);
        assertThat(loop.next(CrawlState.RUNNING, 10)).as("in flight").isInstanceOf(ClaimLoop.Wait.class);
        frontier.complete("c1", second, new Completion(Outcome.FETCHED, 0));
        assertThat(loop.next(CrawlState.RUNNING, 10)).isEqualTo(new ClaimLoop.End("EXHAUSTED", true));
    }

    @Test
    void claimingAheadWaitsOnlyUntilAHostIsThatCloseToDueAndClaimsItThen() {
        offer("a.test/1", "a.test/2");
        ClaimLoop loop = new ClaimLoop(frontier, "c1", "worker-a", 60_000, LIMITS, 300);
        Claim first = claimed(loop.next(CrawlState.RUNNING, 10)).get(0);
        frontier.complete("c1", first, new Completion(Outcome.FETCHED, 1_000));

        assertThat(loop.next(CrawlState.RUNNING, 10)).isEqualTo(new ClaimLoop.Wait(700));
        clock.addAndGet(700);
        Claim second = claimed(loop.next(CrawlState.RUNNING, 10)).get(0);
        assertThat(second.dueInMillis()).isEqualTo(300);
    }

    @Test
    void finishesAtMaxPagesEvenWithUrlsStillQueued() {
        FrontierLimits onePage = new FrontierLimits(1, 5, 100, 100);
        offer("a.test/1", "b.test/1");
        ClaimLoop loop = loop(onePage);
        List<Claim> claims = claimed(loop.next(CrawlState.RUNNING, 10));
        assertThat(claims).hasSize(1);
        frontier.complete("c1", claims.get(0), new Completion(Outcome.FETCHED, 0));
        assertThat(loop.next(CrawlState.RUNNING, 10)).isEqualTo(new ClaimLoop.End("MAX_PAGES", true));
        assertThat(frontier.stats("c1").queued()).isEqualTo(1);
    }
}
