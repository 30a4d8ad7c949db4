package io.practicalsystems.crawler.application.pipeline;

import io.practicalsystems.crawler.fetch.FetchResult;
import io.practicalsystems.crawler.fetch.PageFetcher;
import io.practicalsystems.crawler.frontier.Claim;
import io.practicalsystems.crawler.frontier.Frontier;
import io.practicalsystems.crawler.frontier.Outcome;
import io.practicalsystems.crawler.frontier.UrlKind;
import io.practicalsystems.crawler.robots.RobotsDecision;
import io.practicalsystems.crawler.robots.SitemapReader;
import io.practicalsystems.crawler.url.NormalizedUrl;
import java.util.function.LongSupplier;
import redis.clients.jedis.UnifiedJedis;

/**
 * One claimed URL, start to end, in named steps: (a) {@link ClaimCheckStep} — still held, crawl still running;
 * (b) {@link RobotsStep} — allowed, or robots.txt fetched first; (c) the fetch, with the crawl's fetcher; (d) by
 * what came back: {@link PageStep}, {@link SitemapStep}, {@link RedirectStep} or {@link FailureStep}; (e) the claim
 * completed with the outcome and the host's next delay, counted from the request's answer. Every task ends in
 * exactly one completion, except a stale one, which is left alone (its URL belongs to whoever holds it now).
 *
 * <p>Idempotent where a crash can repeat work: a task whose completion was lost is re-claimed after its lease and
 * runs again; the page document is replaced (same id), the offer admits nothing new (seen set), the dedup index
 * recognises the URL as itself. Plain Java: the MDB and the tests call {@link #handle} directly.
 */
public final class FetchPipeline {

    /** What became of a task: the completion given (null for a stale task), whether the frontier took it, why. */
    public record Handled(Done done, boolean completed) {

        static final Handled STALE = new Handled(null, false);

        public boolean stale() {
            return done == null;
        }
    }

    private final Frontier frontier;
    private final PageFetchers fetchers;
    private final ClaimCheckStep claimCheck;
    private final RobotsCache robotsCache;
    private final RobotsStep robots;
    private final PageStep pages;
    private final SitemapStep sitemaps;
    private final RedirectStep redirects;
    private final FailureStep failures;
    private OutageWait outage;
    private LongSupplier dueClock;
    private OutageWait.Sleeper dueSleeper = Thread::sleep;
    private volatile StepTimer timer = StepTimer.NONE;

    /**
     * @param redisPrefix put before the pipeline's Redis keys ("" in production, unique per test)
     * @param clock       this server's clock, for document times and robots.txt expiry, and how long an outage is
     *                    waited out (until the claim's lease end, which is Redis time: servers' clocks must agree
     *                    roughly, else a task waits a little more or less before giving up)
     */
    public FetchPipeline(Frontier frontier, CrawlContexts crawls, PageFetchers fetchers, UnifiedJedis redis,
                         String redisPrefix, PageSink pageSink, CrawlTally tally, PipelineOptions options,
                         LongSupplier clock) {
        this.frontier = frontier;
        this.outage = new OutageWait(clock, Thread::sleep);
        this.dueClock = clock;
        this.fetchers = fetchers;
        this.claimCheck = new ClaimCheckStep(frontier, crawls, options.minLeaseLeftMs());
        this.failures = new FailureStep(pageSink, tally, options.maxAttempts(), clock);
        this.robotsCache = new RobotsCache(redis, redisPrefix, options.robotsPolicy(), options.userAgentToken(), clock);
        this.robots = new RobotsStep(robotsCache, frontier, pageSink, tally, failures, options.maxAttempts(), clock);
        this.pages = new PageStep(new ContentIndex(redis, redisPrefix, options.simHashThreshold()), frontier,
                pageSink, tally, options.maxStoredLinks(), clock);
        this.sitemaps = new SitemapStep(new SitemapReader(options.maxSitemapUrls()), frontier);
        this.redirects = new RedirectStep(new RedirectHops(redis, redisPrefix), frontier, pageSink, tally,
                options.maxRedirects(), clock);
    }

    public Handled handle(FetchTask task) {
        Claim claim = task.claim();
        long leaseEnd = claim.leaseExpiresAtMillis();
        ClaimCheckStep.Verdict check = outage.call("checking " + claim.url(), leaseEnd, () -> claimCheck.check(task));
        if (check.stale()) {
            return Handled.STALE;
        }
        Worked worked;
        if (check.done() != null) {
            worked = new Worked(check.done(), System.nanoTime());
        } else {
            awaitDue(task);
            worked = work(check.crawl(), claim, leaseEnd);
        }
        Done done = worked.done();
        return new Handled(done, outage.call("completing " + claim.url(), leaseEnd,
                () -> frontier.complete(task.crawlId(), claim, done.completion(millisSince(worked.answeredNanos())))));
    }

    /** A claim made ahead of its host's time ({@link FetchTask#notBeforeMillis}) requests nothing before it. */
    private void awaitDue(FetchTask task) {
        long wait = task.notBeforeMillis() - dueClock.getAsLong();
        if (wait <= 0) {
            return;
        }
        try {
            dueSleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the host to be due", e);
        }
    }

    /**
     * How a task ended, and when its last request to the host was answered (a {@link System#nanoTime()}; when it
     * requested nothing, any moment after its claim will do: the host's previous request came before that).
     */
    private record Worked(Done done, long answeredNanos) {
    }

    /**
     * Whole milliseconds since {@code nanos}, less one: the frontier's clock (Redis TIME) is read in whole
     * milliseconds, so its "now" may lag the true time by up to 1 ms, which the host's delay must not lose.
     */
    private static long millisSince(long nanos) {
        return Math.max(0, (System.nanoTime() - nanos) / 1_000_000 - 1);
    }

    /** The robots.txt decisions this pipeline fetches by, for views of them (one cache per server, not two). */
    public RobotsCache robots() {
        return robotsCache;
    }

    /** Reports the robots, fetch, parse and dedup steps' times to {@code timer} from now on (NONE by default). */
    public void timeSteps(StepTimer timer) {
        this.timer = timer;
        pages.timeSteps(timer);
    }

    /**
     * Before the fetch and after it, Redis or the document store not answering is waited out until the lease ends
     * ({@link OutageWait}); the fetch itself is never repeated here, so a page fetched once is processed once.
     */
    private Worked work(CrawlContext crawl, Claim claim, long leaseEnd) {
        NormalizedUrl url;
        try {
            url = crawl.normalizer().normalize(claim.url());
        } catch (IllegalArgumentException e) { // InvalidUrlException is one
            return new Worked(new Done(Outcome.SKIPPED, 0, "not a URL the crawl can fetch: " + e.getMessage()),
                    System.nanoTime());
        }
        PageFetcher fetcher = fetchers.forCrawl(crawl);
        long started = System.nanoTime();
        RobotsTxtOnce robotsTxt = new RobotsTxtOnce(() -> fetcher.fetch(url.robotsUrl()));
        RobotsStep.Verdict robotsVerdict = outage.call("robots.txt for " + claim.url(), leaseEnd,
                () -> robots.check(crawl, claim, url, robotsTxt));
        started = timer.since(StepTimer.Step.ROBOTS, started); // after robots.txt's answer, if it was fetched
        if (robotsVerdict.done() != null) {
            return new Worked(robotsVerdict.done(), started);
        }
        FetchResult result = fetcher.fetch(claim.url());
        long answered = timer.since(StepTimer.Step.FETCH, started);
        return new Worked(outage.call("storing " + claim.url(), leaseEnd, () -> afterFetch(crawl, claim, result,
                robotsVerdict.allowed())), answered);
    }

    private Done afterFetch(CrawlContext crawl, Claim claim, FetchResult result, RobotsDecision allowed) {
        if (result instanceof FetchResult.Fetched fetched) {
            return claim.kind() == UrlKind.SITEMAP ? sitemaps.handle(crawl, claim, fetched, allowed)
                    : pages.handle(crawl, claim, fetched, allowed);
        }
        if (result instanceof FetchResult.Redirect redirect) {
            return redirects.handle(crawl, claim, redirect, allowed);
        }
        if (result instanceof FetchResult.Skipped skipped) {
            return failures.skipped(crawl, claim, skipped, allowed);
        }
        if (result instanceof FetchResult.HttpError error) {
            return failures.httpError(crawl, claim, error, allowed);
        }
        return failures.failed(crawl, claim, (FetchResult.Failed) result, allowed);
    }

    /** Tests: how outages are waited out (a clock and a sleeper of their own). */
    FetchPipeline withOutageWait(LongSupplier clock, OutageWait.Sleeper sleeper) {
        this.dueClock = clock;
        this.dueSleeper = sleeper;
        this.outage = new OutageWait(clock, sleeper);
        return this;
    }
}
