package io.practicalsystems.crawler.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.practicalsystems.crawler.application.store.PageDocument;
import io.practicalsystems.crawler.frontier.Claim;
import io.practicalsystems.crawler.frontier.Completion;
import io.practicalsystems.crawler.frontier.FrontierStats;
import io.practicalsystems.crawler.frontier.InMemoryFrontier;
import io.practicalsystems.crawler.frontier.Outcome;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The rebuild of a lost frontier from page documents, on the in-memory frontier: stored URLs come back done and
 * counted, only links whose pages were never stored are queued, in whichever batch order the pages arrive.
 */
class FrontierRebuildTest {

    private static final String CRAWL = "7";
    private final InMemoryFrontier frontier = new InMemoryFrontier(() -> 1_000L);

    private static CrawlDefinition definition() {
        return new CrawlDefinition(List.of("http://a.test/"), List.of("test"), List.of(), List.of(), List.of(), 3,
                1000, 100, 0, true, 2048, 3, 100, true, null);
    }

    private static PageDocument page(String url, int depth, int status, String errorKind, String... links) {
        return new PageDocument(PageDocument.idFor(CRAWL, url), CRAWL, url, status, "text/html", null, null, null,
                null, List.of(), links.length, 0, depth, null, 0, null, false, errorKind, List.of(links));
    }

    private FrontierRebuild.Result rebuild(List<List<PageDocument>> batches) {
        FrontierRebuild rebuild = new FrontierRebuild(frontier, CRAWL, definition());
        batches.forEach(rebuild::restore);
        rebuild.offerSeeds();
        batches.forEach(rebuild::offerLinks);
        return rebuild.result();
    }

    private List<String> claimAll() {
        List<String> urls = new ArrayList<>();
        List<Claim> claims;
        while (!(claims = frontier.claim(CRAWL, "w", 100, 60_000, definition().frontierLimits())).isEmpty()) {
            for (Claim claim : claims) {
                urls.add(claim.url());
                frontier.complete(CRAWL, claim, new Completion(Outcome.FETCHED, 0));
            }
        }
        return urls;
    }

    @Test
    void onlyLinksWhosePagesWereNeverStoredAreQueuedAndTheCountersComeBack() {
        // b links back to the seed and on to d, which a later batch holds: order must not matter
        List<List<PageDocument>> batches = List.of(
                List.of(page("http://a.test/", 0, 200, null, "http://a.test/b", "http://a.test/c"),
                        page("http://a.test/b", 1, 200, null, "http://a.test/", "http://a.test/d",
                                "http://e.test/")),
                List.of(page("http://a.test/c", 1, 404, "http-404"),
                        page("http://a.test/d", 2, 200, null, "http://a.test/f"),
                        page("http://a.test/img.png", 2, 200, "unsupported-content-type")));

        FrontierRebuild.Result result = rebuild(batches);

        assertThat(result.restored()).isEqualTo(5);
        assertThat(frontier.stats(CRAWL)).isEqualTo(new FrontierStats(2, 0, 3, 1, 1, 7, 2));
        assertThat(claimAll()).containsExactlyInAnyOrder("http://e.test/", "http://a.test/f");
        assertThat(result.admitted()).isEqualTo(2);
    }

    @Test
    void aRedirectsTargetKeepsItsDepthAndALinkPastTheMaximumDepthIsNotQueued() {
        List<List<PageDocument>> batches = List.of(List.of(
                page("http://a.test/", 0, 200, null, "http://a.test/r"),
                page("http://a.test/r", 3, 301, null, "http://a.test/target"),
                page("http://a.test/deep", 3, 200, null, "http://a.test/too-deep")));

        rebuild(batches);

        assertThat(claimAll()).containsExactly("http://a.test/target");
    }

    @Test
    void aSecondRebuildOverTheSameFrontierQueuesNothingNew() {
        List<List<PageDocument>> batches = List.of(List.of(
                page("http://a.test/", 0, 200, null, "http://a.test/x")));
        rebuild(batches);

        FrontierRebuild.Result again = rebuild(batches);

        assertThat(again.restored()).isZero();
        assertThat(again.admitted()).isZero();
        assertThat(frontier.stats(CRAWL).queued()).isEqualTo(1);
    }
}
