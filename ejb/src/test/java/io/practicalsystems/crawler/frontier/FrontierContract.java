package io.practicalsystems.crawler.frontier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Frontier} must do, one subclass per implementation: admission ({@link FrontierAdmissionContract}),
 * claims, leases and completions here, scheduling and concurrency in {@link FrontierSchedulingContract}.
 */
abstract class FrontierContract extends FrontierSchedulingContract {

    @Test
    void aHostIsClaimedOnceAtATimeEvenByTheSameWorker() {
        offer(page("a.test", "/1"), page("a.test", "/2"), page("a.test", "/3"), page("b.test", "/1"));

        List<Claim> claims = claim("w1", 10);

        assertThat(claims).extracting(Claim::hostKey).containsExactlyInAnyOrder("a.test", "b.test");
        assertThat(claim("w1", 10)).isEmpty();
        assertThat(frontier.stats(crawl)).isEqualTo(new FrontierStats(2, 2, 0, 0, 0, 4, 2));
    }

    @Test
    void aSecondWorkerCannotClaimALeasedHostUntilTheLeaseExpires() {
        offer(page("a.test", "/1"), page("a.test", "/2"));
        Claim first = claimOne("w1");

        clock.advance(LEASE - 1);
        List<Claim> whileLeased = claim("w2", 10);
        clock.advance(1);
        List<Claim> afterExpiry = claim("w2", 10);

        assertThat(first).isEqualTo(new Claim(url("a.test", "/1"), "a.test", 0, UrlKind.PAGE, 0, 0,
                first.token(), "w1", T0 + LEASE));
        assertThat(whileLeased).isEmpty();
        assertThat(afterExpiry).singleElement().satisfies(c -> {
            assertThat(c.url()).as("the reclaimed URL goes first again").isEqualTo(first.url());
            assertThat(c.attempt()).isZero();
            assertThat(c.workerId()).isEqualTo("w2");
            assertThat(c.token()).isNotEqualTo(first.token());
        });
        assertThat(frontier.complete(crawl, first, FETCHED)).as("the stale completion").isFalse();
        assertThat(frontier.stats(crawl)).isEqualTo(new FrontierStats(1, 1, 0, 0, 0, 2, 1));
        assertThat(frontier.complete(crawl, afterExpiry.get(0), FETCHED)).isTrue();
        assertThat(frontier.stats(crawl).fetched()).isEqualTo(1);
    }

    @Test
    void aLateCompletionIsAcceptedWhileNobodyHasReclaimedTheUrl() {
        offer(page("a.test", "/1"));
        Claim claim = claimOne("w1");
        clock.advance(LEASE * 2);

        assertThat(frontier.complete(crawl, claim, FETCHED)).isTrue();
        assertThat(frontier.complete(crawl, claim, FETCHED)).as("completing twice").isFalse();
        assertThat(frontier.stats(crawl)).isEqualTo(new FrontierStats(0, 0, 1, 0, 0, 1, 1));
    }

    @Test
    void aClaimIsHeldUntilItIsCompletedOrItsLeaseExpires() {
        offer(page("a.test", "/1"), page("b.test", "/1"));
        List<Claim> claims = claim("w1", 2);
        Claim completed = claims.get(0);
        Claim expiring = claims.get(1);

        assertThat(frontier.holds(crawl, completed)).isTrue();
        assertThat(frontier.leaseLeftMillis(crawl, completed)).isEqualTo(LEASE);
        frontier.complete(crawl, completed, FETCHED);
        clock.advance(LEASE - 1);
        boolean heldJustBeforeExpiry = frontier.holds(crawl, expiring);
        long leftJustBeforeExpiry = frontier.leaseLeftMillis(crawl, expiring);
        clock.advance(1);

        assertThat(frontier.holds(crawl, completed)).as("completed").isFalse();
        assertThat(heldJustBeforeExpiry).isTrue();
        assertThat(frontier.holds(crawl, expiring)).as("lease expired").isFalse();
        assertThat(frontier.holds("other-crawl", expiring)).as("another crawl").isFalse();
        assertThat(leftJustBeforeExpiry).isEqualTo(1);
        assertThat(frontier.leaseLeftMillis(crawl, expiring)).isZero();
        assertThat(frontier.leaseLeftMillis(crawl, completed)).isZero();
    }

    @Test
    void theHostsNextClaimIsNotBeforeCompletionTimePlusItsDelay() {
        offer(page("a.test", "/1"), page("a.test", "/2"));
        Claim first = claimOne("w1");
        clock.advance(100);
        frontier.complete(crawl, first, new Completion(Outcome.FETCHED, 500));

        clock.advance(499);
        List<Claim> early = claim("w1", 1);
        clock.advance(1);
        List<Claim> onTime = claim("w1", 1);

        assertThat(early).isEmpty();
        assertThat(onTime).extracting(Claim::url).containsExactly(url("a.test", "/2"));
    }

    @Test
    void aHostDueSoonCanBeClaimedAheadAndItsClaimSaysHowLongUntilItIsDue() {
        offer(page("a.test", "/1"), page("a.test", "/2"), page("b.test", "/1"));
        Claim a = claimOne("w1");
        Claim b = claimOne("w1");
        frontier.complete(crawl, a, new Completion(Outcome.FETCHED, 500));
        frontier.complete(crawl, b, new Completion(Outcome.FETCHED, 500));

        clock.advance(300);
        List<Claim> notYet = frontier.claim(crawl, "w1", 5, LEASE, UNLIMITED, 199);
        List<Claim> ahead = frontier.claim(crawl, "w1", 5, LEASE, UNLIMITED, 200);

        assertThat(a.dueInMillis()).isZero();
        assertThat(notYet).isEmpty();
        assertThat(ahead).extracting(Claim::url, Claim::dueInMillis).containsExactly(tuple(url("a.test", "/2"), 200L));
        assertThat(hostView("a.test").leasedBy()).isEqualTo("w1");
    }

    @Test
    void claimingAheadIsBoundedBelowTheLeaseAndASecond() {
        assertThatThrownBy(() -> frontier.claim(crawl, "w1", 1, LEASE, UNLIMITED, -1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> frontier.claim(crawl, "w1", 1, LEASE, UNLIMITED, 1_001))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> frontier.claim(crawl, "w1", 1, 500, UNLIMITED, 500))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aHostServesItsUrlsByPriorityThenArrival() {
        frontier.offer(crawl, List.of(new FrontierUrl(url("a.test", "/late"), "a.test", 1, 5, null, UrlKind.PAGE),
                new FrontierUrl(url("a.test", "/sitemap.xml"), "a.test", 0, 1, null, UrlKind.SITEMAP),
                new FrontierUrl(url("a.test", "/seed"), "a.test", 0, 1, null, UrlKind.PAGE)), UNLIMITED);

        List<Claim> order = List.of(claimThenFetch(), claimThenFetch(), claimThenFetch());

        assertThat(order).extracting(Claim::url)
                .containsExactly(url("a.test", "/sitemap.xml"), url("a.test", "/seed"), url("a.test", "/late"));
        assertThat(order).extracting(Claim::kind).containsExactly(UrlKind.SITEMAP, UrlKind.PAGE, UrlKind.PAGE);
        assertThat(order).extracting(Claim::depth).containsExactly(0, 0, 1);
    }

    private Claim claimThenFetch() {
        Claim claim = claimOne("w1");
        frontier.complete(crawl, claim, FETCHED);
        return claim;
    }

    @Test
    void amongDueHostsTheBestHeadPriorityIsClaimedFirst() {
        frontier.offer(crawl, List.of(new FrontierUrl(url("a.test", "/"), "a.test", 2, 2, null, UrlKind.PAGE),
                new FrontierUrl(url("b.test", "/"), "b.test", 0, 0, null, UrlKind.PAGE),
                new FrontierUrl(url("c.test", "/"), "c.test", 1, 1, null, UrlKind.PAGE)), UNLIMITED);

        assertThat(claim("w1", 2)).extracting(Claim::hostKey).containsExactly("b.test", "c.test");
        assertThat(claim("w1", 2)).extracting(Claim::hostKey).containsExactly("a.test");
    }

    @Test
    void retryCountsAnAttemptAndAHostErrorAndFetchedResetsConsecutiveErrors() {
        offer(page("a.test", "/1"), page("a.test", "/2"));

        Claim first = claimOne("w1");
        frontier.complete(crawl, first, new Completion(Outcome.RETRY, 0));
        Claim second = claimOne("w1");
        frontier.complete(crawl, second, new Completion(Outcome.RETRY, 0));
        Claim third = claimOne("w1");
        frontier.complete(crawl, third, FETCHED);
        Claim next = claimOne("w1");

        assertThat(List.of(first, second, third)).extracting(Claim::url).containsOnly(url("a.test", "/1"));
        assertThat(List.of(first, second, third)).extracting(Claim::attempt).containsExactly(0, 1, 2);
        assertThat(List.of(first, second, third, next)).extracting(Claim::hostConsecutiveErrors)
                .containsExactly(0, 1, 2, 0);
        HostView host = hostView("a.test");
        assertThat(host.errors()).isEqualTo(2);
        assertThat(host.fetched()).isEqualTo(1);
        assertThat(host.consecutiveErrors()).isZero();
    }

    @Test
    void requeueKeepsTheAttemptAndCountsNoError() {
        offer(page("a.test", "/1"));

        Claim first = claimOne("w1");
        frontier.complete(crawl, first, new Completion(Outcome.REQUEUE, 0));
        Claim again = claimOne("w1");

        assertThat(again.url()).isEqualTo(first.url());
        assertThat(again.attempt()).isZero();
        assertThat(again.hostConsecutiveErrors()).isZero();
        assertThat(frontier.stats(crawl)).isEqualTo(new FrontierStats(0, 1, 0, 0, 0, 1, 1));
    }

    @Test
    void failedAndSkippedAreDoneForGoodAndOnlyFailedIsAHostError() {
        offer(page("a.test", "/1"), page("a.test", "/2"));

        frontier.complete(crawl, claimOne("w1"), new Completion(Outcome.FAILED, 0));
        frontier.complete(crawl, claimOne("w1"), new Completion(Outcome.SKIPPED, 0));

        assertThat(frontier.stats(crawl)).isEqualTo(new FrontierStats(0, 0, 0, 1, 1, 2, 1));
        assertThat(hostView("a.test").errors()).isEqualTo(1);
        assertThat(hostView("a.test").consecutiveErrors()).isEqualTo(1);
        assertThat(frontier.exhausted(crawl)).isTrue();
    }

    @Test
    void claimsNeverTakeFetchedPlusInFlightPastMaxPages() {
        offerGrid(5, 2);
        FrontierLimits three = new FrontierLimits(3, Integer.MAX_VALUE, Long.MAX_VALUE, Integer.MAX_VALUE);

        List<Claim> first = frontier.claim(crawl, "w1", 10, LEASE, three);
        List<Claim> whileInFlight = frontier.claim(crawl, "w2", 10, LEASE, three);
        frontier.complete(crawl, first.get(0), FETCHED);
        frontier.complete(crawl, first.get(1), new Completion(Outcome.FAILED, 0));
        List<Claim> afterOneFetchedOneFailed = frontier.claim(crawl, "w2", 10, LEASE, three);

        assertThat(first).hasSize(3);
        assertThat(whileInFlight).isEmpty();
        assertThat(afterOneFetchedOneFailed).as("only FETCHED uses up the budget").hasSize(1);
    }

    @Test
    void aHostThatReachedALoweredMaxPagesPerHostHasTheRestSkipped() {
        offer(page("a.test", "/1"), page("a.test", "/2"), page("a.test", "/3"), page("b.test", "/1"));
        FrontierLimits one = new FrontierLimits(Long.MAX_VALUE, Integer.MAX_VALUE, 1, Integer.MAX_VALUE);
        for (Claim claim : frontier.claim(crawl, "w1", 10, LEASE, one)) {
            frontier.complete(crawl, claim, FETCHED);
        }

        assertThat(frontier.claim(crawl, "w1", 10, LEASE, one)).isEmpty();
        assertThat(frontier.stats(crawl)).isEqualTo(new FrontierStats(0, 0, 2, 0, 2, 4, 2));
        assertThat(frontier.exhausted(crawl)).isTrue();
    }

    @Test
    void millisUntilDueSaysWhenAClaimCanNextFindWork() {
        long nothing = frontier.millisUntilDue(crawl);
        offer(page("a.test", "/1"), page("a.test", "/2"));
        long offered = frontier.millisUntilDue(crawl);
        Claim claim = claimOne("w1");
        long leased = frontier.millisUntilDue(crawl);
        clock.advance(100);
        frontier.complete(crawl, claim, new Completion(Outcome.FETCHED, 500));
        long delayed = frontier.millisUntilDue(crawl);
        clock.advance(200);
        long later = frontier.millisUntilDue(crawl);
        clock.advance(1000);
        long overdue = frontier.millisUntilDue(crawl);

        assertThat(nothing).isEqualTo(Long.MAX_VALUE);
        assertThat(offered).isZero();
        assertThat(leased).as("until the lease expires").isEqualTo(LEASE);
        assertThat(List.of(delayed, later, overdue)).containsExactly(500L, 300L, 0L);
        frontier.complete(crawl, claimOne("w1"), FETCHED);
        assertThat(frontier.millisUntilDue(crawl)).as("all done").isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void theDelayRunsFromTheRequestsAnswerAndAReclaimedLeaseWaitsTheWholeDelay() {
        offer(page("a.test", "/1"), page("a.test", "/2"), page("a.test", "/3"));
        clock.advance(100);
        frontier.complete(crawl, claimOne("w1"), new Completion(Outcome.FETCHED, 500, 200));
        long partly = frontier.millisUntilDue(crawl);
        clock.advance(partly);
        Claim second = claimOne("w1");
        clock.advance(50);
        frontier.complete(crawl, second, new Completion(Outcome.FETCHED, 500, 800));
        long overdue = frontier.millisUntilDue(crawl);
        Claim third = claimOne("w1");
        clock.advance(LEASE);
        List<Claim> reclaimed = claim("w2", 10);
        long afterReclaim = frontier.millisUntilDue(crawl);

        assertThat(partly).as("answered 200 ms before the completion").isEqualTo(300);
        assertThat(overdue).as("the processing outlasted the delay").isZero();
        assertThat(third.url()).isEqualTo(url("a.test", "/3"));
        assertThat(reclaimed).as("the host waits its whole last delay after a lost lease").isEmpty();
        assertThat(afterReclaim).isEqualTo(500);
        assertThatThrownBy(() -> new Completion(Outcome.FETCHED, 500, -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void exhaustedMeansNothingQueuedAndNothingInFlight() {
        assertThat(frontier.exhausted(crawl)).isTrue();
        offer(page("a.test", "/1"));
        assertThat(frontier.exhausted(crawl)).isFalse();
        Claim claim = claimOne("w1");
        assertThat(frontier.exhausted(crawl)).as("in flight").isFalse();
        frontier.complete(crawl, claim, new Completion(Outcome.RETRY, 0));
        assertThat(frontier.exhausted(crawl)).as("queued again").isFalse();
        frontier.complete(crawl, claimOne("w1"), FETCHED);
        assertThat(frontier.exhausted(crawl)).isTrue();
    }
}
