package io.practicalsystems.crawler.frontier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What every {@link Frontier} does with offered URLs, its views and delete ({@link FrontierContract}: claims). */
abstract class FrontierAdmissionContract extends FrontierUnderTest {

    @Test
    void anOfferedUrlIsAdmittedOnceAndThenCountsAsSeen() {
        OfferResult first = offer(page("a.test", "/"), page("a.test", "/x"), page("a.test", "/"));
        OfferResult again = offer(page("a.test", "/x", 3));

        assertThat(first).isEqualTo(new OfferResult(2, 1, 0, 0, 0));
        assertThat(again).isEqualTo(new OfferResult(0, 1, 0, 0, 0));
        assertThat(frontier.stats(crawl)).isEqualTo(new FrontierStats(2, 0, 0, 0, 0, 2, 1));
    }

    @Test
    void aUrlSeenInOneCrawlIsNewInAnother() {
        offer(page("a.test", "/"));

        try {
            assertThat(frontier.offer("crawl-2", List.of(page("a.test", "/")), UNLIMITED).admitted()).isEqualTo(1);
            assertThat(frontier.stats("crawl-2").queued()).isEqualTo(1);
        } finally {
            frontier.delete("crawl-2");
        }
        assertThat(frontier.stats(crawl).queued()).isEqualTo(1);
    }

    @Test
    void urlsDeeperThanMaxDepthAreRejectedAndNotMarkedSeen() {
        FrontierLimits depth1 = new FrontierLimits(Long.MAX_VALUE, 1, Long.MAX_VALUE, Integer.MAX_VALUE);

        OfferResult deep = frontier.offer(crawl, List.of(page("a.test", "/deep", 2), page("a.test", "/", 1)), depth1);
        OfferResult shallower = frontier.offer(crawl, List.of(page("a.test", "/deep", 1)), depth1);

        assertThat(deep).isEqualTo(new OfferResult(1, 0, 1, 0, 0));
        assertThat(shallower.admitted()).isEqualTo(1);
    }

    @Test
    void aHostAdmitsAtMostMaxPagesPerHost() {
        FrontierLimits two = new FrontierLimits(Long.MAX_VALUE, Integer.MAX_VALUE, 2, Integer.MAX_VALUE);

        OfferResult result = frontier.offer(crawl, List.of(page("a.test", "/1"), page("a.test", "/2"),
                page("a.test", "/3"), page("b.test", "/1")), two);
        OfferResult later = frontier.offer(crawl, List.of(page("a.test", "/4"), page("b.test", "/2")), two);

        assertThat(result).isEqualTo(new OfferResult(3, 0, 0, 1, 0));
        assertThat(later).isEqualTo(new OfferResult(1, 0, 0, 1, 0));
        assertThat(hostView("a.test").queued()).isEqualTo(2);
    }

    @Test
    void aPathAdmitsAtMostMaxQueryVariantsAndUrlsWithoutPathKeyAreNotLimited() {
        FrontierLimits two = new FrontierLimits(Long.MAX_VALUE, Integer.MAX_VALUE, Long.MAX_VALUE, 2);
        List<FrontierUrl> calendar = new ArrayList<>();
        for (int day = 1; day <= 5; day++) {
            calendar.add(FrontierUrl.page(url("a.test", "/cal?d=" + day), "a.test", 0, "http://a.test/cal"));
            calendar.add(FrontierUrl.page(url("a.test", "/free?d=" + day), "a.test", 0, null));
        }

        OfferResult result = frontier.offer(crawl, calendar, two);

        assertThat(result).isEqualTo(new OfferResult(7, 0, 0, 0, 3));
    }

    @Test
    void statsCountQueuedSeenAndHostsOfAnUnknownCrawlAsZero() {
        assertThat(frontier.stats("never-offered")).isEqualTo(new FrontierStats(0, 0, 0, 0, 0, 0, 0));
        assertThat(frontier.exhausted("never-offered")).isTrue();
        assertThat(frontier.hosts("never-offered", null, 10)).isEqualTo(new HostPage(List.of(), null));
    }

    @Test
    void hostsArePagedInHostKeyOrderWithAnOpaqueCursor() {
        offerGrid(5, 2);

        HostPage first = frontier.hosts(crawl, null, 2);
        HostPage second = frontier.hosts(crawl, first.next(), 2);
        HostPage third = frontier.hosts(crawl, second.next(), 2);

        assertThat(first.items()).extracting(HostView::hostKey).containsExactly(host(0), host(1));
        assertThat(second.items()).extracting(HostView::hostKey).containsExactly(host(2), host(3));
        assertThat(third.items()).extracting(HostView::hostKey).containsExactly(host(4));
        assertThat(third.next()).isNull();
        assertThat(first.items().get(0)).isEqualTo(new HostView(host(0), 2, 0, 0, 0, 0, null, 0, 0));
        assertThat(frontier.hosts(crawl, null, 5).next()).isNull();
    }

    @Test
    void aHostViewShowsItsLeaseAndItsNextFetchTime() {
        offer(page("a.test", "/1"), page("a.test", "/2"));

        Claim claim = claimOne("w1");
        HostView leased = hostView("a.test");
        clock.advance(10);
        frontier.complete(crawl, claim, new Completion(Outcome.FETCHED, 500));
        HostView released = hostView("a.test");

        assertThat(leased).isEqualTo(new HostView("a.test", 1, 0, 0, 0, 0, "w1", T0 + LEASE, 0));
        assertThat(released).isEqualTo(new HostView("a.test", 1, 1, 0, 0, T0 + 510, null, 0, 500));
    }

    @Test
    void badArgumentsAreRefusedWithAReason() {
        assertThatThrownBy(() -> frontier.hosts(crawl, "not base64!", 10))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> frontier.hosts(crawl, null, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> frontier.stats("a{b}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> frontier.stats("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> frontier.claim(crawl, "w", 0, LEASE, UNLIMITED))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> frontier.claim(crawl, "w", 1, 0, UNLIMITED))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> frontier.claim(crawl, " ", 1, LEASE, UNLIMITED))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> frontier.claim(crawl, "w", 1, Long.MAX_VALUE, UNLIMITED))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Completion(Outcome.FETCHED, Long.MAX_VALUE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void deleteRemovesEverything() {
        offerGrid(3, 3);
        Claim claim = claimOne("w1");
        frontier.complete(crawl, claim, new Completion(Outcome.RETRY, 100));
        claim("w2", 10);

        frontier.delete(crawl);

        assertThat(frontier.stats(crawl)).isEqualTo(new FrontierStats(0, 0, 0, 0, 0, 0, 0));
        assertThat(frontier.exhausted(crawl)).isTrue();
        assertThat(frontier.hosts(crawl, null, 10).items()).isEmpty();
        assertNothingStored(crawl);
        assertThat(offer(page(host(0), "/p0")).admitted()).as("seen is gone too").isEqualTo(1);
    }

    @Test
    void restoredUrlsAreSeenAndCountedButNeverQueued() {
        int restored = frontier.restore(crawl, List.of(new RestoredUrl(page("a.test", "/1"), Outcome.FETCHED),
                new RestoredUrl(page("a.test", "/2"), Outcome.FAILED),
                new RestoredUrl(page("b.test", "/1"), Outcome.SKIPPED),
                new RestoredUrl(page("b.test", "/1"), Outcome.FETCHED)));

        assertThat(restored).isEqualTo(3);
        assertThat(frontier.stats(crawl)).isEqualTo(new FrontierStats(0, 0, 1, 1, 1, 3, 2));
        assertThat(frontier.exhausted(crawl)).isTrue();
        assertThat(claim("w1", 10)).isEmpty();
        assertThat(hostView("a.test").fetched()).isEqualTo(1);
        assertThat(hostView("a.test").errors()).isEqualTo(1);
        assertThat(hostView("a.test").queued()).isZero();
    }

    @Test
    void afterARestoreOfferedLinksAdmitOnlyWhatWasNotDoneAndTheLimitsGoOn() {
        frontier.restore(crawl, List.of(new RestoredUrl(page("a.test", "/1"), Outcome.FETCHED),
                new RestoredUrl(page("a.test", "/2"), Outcome.FETCHED)));
        FrontierLimits threePerHost = new FrontierLimits(Long.MAX_VALUE, 10, 3, Integer.MAX_VALUE);

        OfferResult links = frontier.offer(crawl, List.of(page("a.test", "/1", 1), page("a.test", "/2", 1),
                page("a.test", "/3", 1), page("a.test", "/4", 1)), threePerHost);

        assertThat(links).isEqualTo(new OfferResult(1, 2, 0, 1, 0));
        assertThat(claimOne("w1").url()).isEqualTo(url("a.test", "/3"));
        assertThat(frontier.restore(crawl, List.of(new RestoredUrl(page("a.test", "/3"), Outcome.FETCHED))))
                .as("a URL already seen is left alone").isZero();
    }
}
