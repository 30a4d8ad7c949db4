package io.practicalsystems.crawler.frontier;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A fresh frontier on a {@link ManualClock} per test, and helpers the frontier contract tests share. */
abstract class FrontierUnderTest {

    static final long T0 = 1_700_000_000_000L;
    static final long LEASE = 60_000;
    static final FrontierLimits UNLIMITED = FrontierLimits.unlimited();
    static final Completion FETCHED = new Completion(Outcome.FETCHED, 0);

    final ManualClock clock = new ManualClock(T0);
    final String crawl = "crawl-1";
    Frontier frontier;

    /** A new frontier whose clock is {@code clock}; its crawls are the test's own. */
    abstract Frontier newFrontier(ManualClock clock);

    /** Asserts that nothing of {@code crawlId} is stored any more (beyond what the public views show). */
    abstract void assertNothingStored(String crawlId);

    @BeforeEach
    void openFrontier() {
        frontier = newFrontier(clock);
    }

    @AfterEach
    void deleteCrawl() {
        try {
            frontier.delete(crawl);
        } finally {
            close();
        }
    }

    /** Releases what {@link #newFrontier} opened. */
    void close() {
    }

    static FrontierUrl page(String host, String path) {
        return page(host, path, 0);
    }

    static FrontierUrl page(String host, String path, int depth) {
        return FrontierUrl.page(url(host, path), host, depth, null);
    }

    static String url(String host, String path) {
        return "http://" + host + path;
    }

    OfferResult offer(FrontierUrl... urls) {
        return frontier.offer(crawl, List.of(urls), UNLIMITED);
    }

    /** {@code pages} URLs on each of {@code hosts} hosts h00.test, h01.test, … */
    OfferResult offerGrid(int hosts, int pages) {
        List<FrontierUrl> urls = new ArrayList<>();
        for (int h = 0; h < hosts; h++) {
            for (int p = 0; p < pages; p++) {
                urls.add(page(host(h), "/p" + p));
            }
        }
        return frontier.offer(crawl, urls, UNLIMITED);
    }

    static String host(int h) {
        return String.format("h%02d.test", h);
    }

    List<Claim> claim(String worker, int max) {
        return frontier.claim(crawl, worker, max, LEASE, UNLIMITED);
    }

    Claim claimOne(String worker) {
        List<Claim> claims = claim(worker, 1);
        if (claims.size() != 1) {
            throw new AssertionError("expected one claim, got " + claims);
        }
        return claims.get(0);
    }

    HostView hostView(String hostKey) {
        return frontier.hosts(crawl, null, 1000).items().stream().filter(h -> h.hostKey().equals(hostKey))
                .findFirst().orElseThrow(() -> new AssertionError("no host " + hostKey));
    }
}
