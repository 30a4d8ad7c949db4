package io.practicalsystems.crawler.frontier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Politeness on the simulated clock, and limits under concurrent workers; part of {@link FrontierContract}. */
abstract class FrontierSchedulingContract extends FrontierAdmissionContract {

    @Test
    void aSimulatedCrawlKeepsEveryHostsDelayAndTakesAboutPagesPerHostTimesTheDelay() {
        simulateCrawl(0, false);
    }

    @Test
    void withTheDelayCountedFromTheAnswerATasksProcessingDoesNotLengthenAHostsTurn() {
        simulateCrawl(400, true);
    }

    /**
     * 8 hosts × 6 pages, delay 1 s; each task's request is answered fetchTime after its claim and the task completes
     * {@code processing} later, telling the frontier how long ago the answer came when {@code fromAnswer}. Every
     * host's next request starts at least the delay after the previous one was answered, and the crawl takes
     * (pages − 1) × (fetch + delay) + fetch, plus the processing per turn when the delay counts from the completion.
     */
    private void simulateCrawl(long processing, boolean fromAnswer) {
        int hosts = 8;
        int pagesPerHost = 6;
        long delay = 1_000;
        long fetchTime = 30;
        long tick = 10;
        offerGrid(hosts, pagesPerHost);
        Map<String, List<long[]>> fetchesByHost = new HashMap<>(); // host -> [start, answered] per fetch
        TreeMap<Long, List<Claim>> completions = new TreeMap<>();
        Completion completion = new Completion(Outcome.FETCHED, delay, fromAnswer ? processing : 0);

        while (!frontier.exhausted(crawl)) {
            long now = clock.getAsLong();
            for (Claim claim : frontier.claim(crawl, "sim", 100, LEASE, UNLIMITED)) {
                fetchesByHost.computeIfAbsent(claim.hostKey(), h -> new ArrayList<>())
                        .add(new long[] {now, now + fetchTime});
                completions.computeIfAbsent(now + fetchTime + processing, t -> new ArrayList<>()).add(claim);
            }
            long next = completions.isEmpty() ? now + tick : Math.min(now + tick, completions.firstKey());
            clock.set(next);
            List<Claim> done = completions.remove(next);
            for (Claim claim : done == null ? List.<Claim>of() : done) {
                assertThat(frontier.complete(crawl, claim, completion)).isTrue();
            }
        }

        assertThat(frontier.stats(crawl).fetched()).isEqualTo((long) hosts * pagesPerHost);
        long first = Long.MAX_VALUE;
        long last = 0;
        for (List<long[]> fetches : fetchesByHost.values()) {
            assertThat(fetches).hasSize(pagesPerHost);
            for (int i = 1; i < fetches.size(); i++) {
                assertThat(fetches.get(i)[0]).as("next fetch starts a delay after the previous one was answered")
                        .isGreaterThanOrEqualTo(fetches.get(i - 1)[1] + delay);
            }
            first = Math.min(first, fetches.get(0)[0]);
            last = Math.max(last, fetches.get(pagesPerHost - 1)[1]);
        }
        long ideal = (pagesPerHost - 1) * (fetchTime + delay + (fromAnswer ? 0 : processing)) + fetchTime;
        assertThat(last - first).isBetween(ideal, ideal + pagesPerHost * tick);
    }

    @Test
    void whenAWorkerDiesMidCrawlTheOthersFinishEveryUrlExactlyOnce() {
        offerGrid(10, 5);
        long lease = 5_000;
        Completion polite = new Completion(Outcome.FETCHED, 100);
        Map<String, Integer> fetchedTimes = new HashMap<>();
        List<Claim> heldByTheDead = new ArrayList<>();
        int round = 0;

        while (!frontier.exhausted(crawl) && round < 10_000) { // the bound only stops a broken frontier
            round++;
            List<String> alive = round <= 3 ? List.of("w0", "w1", "w2") : List.of("w1", "w2");
            for (String worker : alive) {
                for (Claim claim : frontier.claim(crawl, worker, 2, lease, UNLIMITED)) {
                    if (worker.equals("w0") && round == 3) {
                        heldByTheDead.add(claim); // w0 dies holding these: never completed
                    } else if (frontier.complete(crawl, claim, polite)) {
                        fetchedTimes.merge(claim.url(), 1, Integer::sum);
                    }
                }
            }
            clock.advance(50);
        }

        assertThat(heldByTheDead).isNotEmpty();
        assertThat(fetchedTimes).hasSize(50).allSatisfy((url, times) -> assertThat(times).as(url).isEqualTo(1));
        assertThat(fetchedTimes).containsKeys(heldByTheDead.stream().map(Claim::url).toArray(String[]::new));
        assertThat(heldByTheDead).allSatisfy(claim -> assertThat(frontier.complete(crawl, claim, polite)).isFalse());
        assertThat(frontier.stats(crawl)).isEqualTo(new FrontierStats(0, 0, 50, 0, 0, 50, 10));
    }

    @Test
    void concurrentWorkersNeverPassMaxPagesNorShareAHost() throws Exception {
        int hosts = 20;
        long maxPages = 50;
        offerGrid(hosts, 10);
        FrontierLimits limits = new FrontierLimits(maxPages, Integer.MAX_VALUE, Long.MAX_VALUE, Integer.MAX_VALUE);
        Set<String> busyHosts = ConcurrentHashMap.newKeySet();
        Set<String> fetchedUrls = ConcurrentHashMap.newKeySet();
        AtomicInteger claims = new AtomicInteger();
        AtomicInteger hostOverlaps = new AtomicInteger();
        ExecutorService workers = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int w = 0; w < 8; w++) {
                String worker = "w" + w;
                running.add(workers.submit(() -> {
                    while (frontier.stats(crawl).fetched() < maxPages) {
                        for (Claim claim : frontier.claim(crawl, worker, 3, LEASE, limits)) {
                            claims.incrementAndGet();
                            if (!busyHosts.add(claim.hostKey())) {
                                hostOverlaps.incrementAndGet();
                            }
                            fetchedUrls.add(claim.url());
                            busyHosts.remove(claim.hostKey());
                            frontier.complete(crawl, claim, FETCHED);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get(2, TimeUnit.MINUTES); // a hang guard, not a timing assertion
            }
        } finally {
            workers.shutdownNow();
        }

        assertThat(claims.get()).isEqualTo(maxPages);
        assertThat(fetchedUrls).hasSize((int) maxPages);
        assertThat(hostOverlaps.get()).isZero();
        assertThat(frontier.stats(crawl)).isEqualTo(new FrontierStats(hosts * 10 - maxPages, 0, maxPages, 0, 0,
                hosts * 10, hosts));
    }
}
