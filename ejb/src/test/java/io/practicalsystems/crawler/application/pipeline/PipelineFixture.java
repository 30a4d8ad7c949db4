package io.practicalsystems.crawler.application.pipeline;

import io.practicalsystems.crawler.application.CrawlDefinition;
import io.practicalsystems.crawler.application.CrawlState;
import io.practicalsystems.crawler.application.store.PageDocument;
import io.practicalsystems.crawler.dns.CachingResolver;
import io.practicalsystems.crawler.dns.DnsOptions;
import io.practicalsystems.crawler.fetch.FetchOptions;
import io.practicalsystems.crawler.frontier.Claim;
import io.practicalsystems.crawler.frontier.Frontier;
import io.practicalsystems.crawler.frontier.FrontierUrl;
import io.practicalsystems.crawler.frontier.InMemoryFrontier;
import io.practicalsystems.crawler.testweb.TestDnsServer;
import io.practicalsystems.crawler.testweb.TestWeb;
import io.practicalsystems.platform.redis.RedisBackend;
import io.practicalsystems.platform.redis.TestRedis;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.params.ScanParams;

/**
 * A pipeline wired as on a server, without JMS or the document store: the in-memory frontier on the real clock,
 * real Redis under a unique prefix, real fetches through a test DNS server to a local test web; page documents and
 * counters kept in maps. Tests drive it claim by claim.
 */
final class PipelineFixture implements AutoCloseable {

    static final String CRAWL = "4711";

    final TestDnsServer dns;
    final TestWeb web;
    final Frontier frontier = new InMemoryFrontier(System::currentTimeMillis);
    final RedisClient redis = RedisBackend.pooledClient(TestRedis.url(), Duration.ofSeconds(5), 8);
    final String prefix = "pipeline-test-" + UUID.randomUUID() + ":";
    final Map<String, PageDocument> pages = new ConcurrentHashMap<>();
    final Map<String, Long> counts = new ConcurrentHashMap<>();
    final AtomicReference<CrawlState> state = new AtomicReference<>(CrawlState.RUNNING);
    /** How long storing a page document takes (a slow document store). */
    volatile long storeMillis;
    /** The pipeline's next this many frontier offers fail as if Redis had gone away. */
    final java.util.concurrent.atomic.AtomicInteger offerFailures = new java.util.concurrent.atomic.AtomicInteger();
    final PipelineOptions options;
    final CrawlDefinition definition;
    private final PageFetchers fetchers;
    final FetchPipeline pipeline;

    PipelineFixture(PipelineOptions options, CrawlDefinition definition, TestDnsServer dns, TestWeb web) {
        this.options = options;
        this.definition = definition;
        this.dns = dns;
        this.web = web;
        FetchOptions fetch = FetchOptions.defaults(options.userAgent())
                .withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(2))
                .withMaxBodyBytes(256 * 1024);
        fetchers = new PageFetchers(fetch, new CachingResolver(DnsOptions.defaults().withServers(dns.hostPort())));
        CrawlContexts crawls = id -> id.equals(CRAWL)
                ? java.util.Optional.of(CrawlContext.of(id, state.get(), definition, options))
                : java.util.Optional.empty();
        CrawlTally tally = new CrawlTally() {
            @Override
            public void fetched(String crawlId) {
                counts.merge("fetched", 1L, Long::sum);
            }

            @Override
            public void duplicate(String crawlId) {
                counts.merge("duplicates", 1L, Long::sum);
            }

            @Override
            public void error(String crawlId, String kind) {
                counts.merge("error:" + kind, 1L, Long::sum);
            }
        };
        Frontier failingOffers = (Frontier) java.lang.reflect.Proxy.newProxyInstance(Frontier.class.getClassLoader(),
                new Class<?>[] {Frontier.class}, (proxy, method, args) -> {
                    if (method.getName().equals("offer") && offerFailures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                        throw new IllegalStateException("Redis went away (test)");
                    }
                    try {
                        return method.invoke(frontier, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        pipeline = new FetchPipeline(failingOffers, crawls, fetchers, redis, prefix, p -> {
            sleep(storeMillis);
            pages.put(p.url(), p);
        }, tally, options, System::currentTimeMillis);
    }

    static PipelineFixture start(PipelineOptions options, CrawlDefinition definition) throws IOException {
        return new PipelineFixture(options, definition, TestDnsServer.start(), TestWeb.start());
    }

    /** Small limits, no delays, the test web's loopback addresses allowed. */
    static CrawlDefinition definition(List<String> seeds, int maxDepth, long minDelayMs) {
        return new CrawlDefinition(seeds, List.of("crawl.test"), List.of(), List.of(), List.of(), maxDepth, 1000, 100,
                minDelayMs, true, 2048, 3, 100, true, null);
    }

    static PipelineOptions options() {
        return new PipelineOptions("TestBot/1.0 (+http://example.test/bot)", 2, 50, 200, 2_000, Duration.ofHours(1),
                Duration.ofMillis(100), 2, 3, 50, 1000, 0);
    }

    String host(String name) {
        dns.put(name, "127.0.0.1", 300);
        return name;
    }

    String url(String host, String path) {
        return web.url(host, path);
    }

    void seed(String... urls) {
        List<FrontierUrl> seeds = new ArrayList<>();
        for (String url : urls) {
            io.practicalsystems.crawler.url.NormalizedUrl n = definition.normalizer().normalize(url);
            seeds.add(FrontierUrl.page(n.value(), n.hostKey(), 0, null));
        }
        frontier.offer(CRAWL, seeds, definition.frontierLimits());
    }

    /** Claims one URL (waiting up to 5 s for a host to become due) and runs it through the pipeline. */
    FetchPipeline.Handled next() throws InterruptedException {
        Claim claim = claim();
        return pipeline.handle(new FetchTask(CRAWL, claim));
    }

    Claim claim() throws InterruptedException {
        long deadline = System.currentTimeMillis() + 5_000;
        while (System.currentTimeMillis() < deadline) {
            List<Claim> claims = frontier.claim(CRAWL, "w1", 1, 60_000, definition.frontierLimits());
            if (!claims.isEmpty()) {
                return claims.get(0);
            }
            Thread.sleep(10);
        }
        throw new AssertionError("nothing became due in 5 s: " + frontier.stats(CRAWL));
    }

    /** Runs tasks until the frontier is exhausted; the notes of every task, in order. */
    List<String> crawlToEnd() throws InterruptedException {
        List<String> notes = new ArrayList<>();
        while (!frontier.exhausted(CRAWL)) {
            FetchPipeline.Handled handled = next();
            notes.add(handled.done().outcome() + " " + handled.done().note());
        }
        return notes;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    long count(String name) {
        return counts.getOrDefault(name, 0L);
    }

    @Override
    public void close() {
        fetchers.close();
        web.close();
        dns.close();
        String cursor = ScanParams.SCAN_POINTER_START;
        do {
            var page = redis.scan(cursor, new ScanParams().match(prefix + "*").count(500));
            if (!page.getResult().isEmpty()) {
                redis.del(page.getResult().toArray(String[]::new));
            }
            cursor = page.getCursor();
        } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
        redis.close();
    }
}
