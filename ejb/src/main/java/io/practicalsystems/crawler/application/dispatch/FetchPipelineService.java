package io.practicalsystems.crawler.application.dispatch;

import io.practicalsystems.crawler.application.CrawlCounters;
import io.practicalsystems.crawler.application.CrawlService;
import io.practicalsystems.crawler.application.CrawlSettings;
import io.practicalsystems.crawler.application.pipeline.CrawlTally;
import io.practicalsystems.crawler.application.pipeline.FetchPipeline;
import io.practicalsystems.crawler.application.pipeline.FetchTask;
import io.practicalsystems.crawler.application.pipeline.PageFetchers;
import io.practicalsystems.crawler.application.pipeline.PipelineOptions;
import io.practicalsystems.crawler.application.pipeline.RobotsCache;
import io.practicalsystems.crawler.application.pipeline.StepTimer;
import io.practicalsystems.crawler.application.store.PageStore;
import io.practicalsystems.crawler.dns.CachingResolver;
import io.practicalsystems.crawler.dns.DnsOptions;
import io.practicalsystems.crawler.fetch.FetchOptions;
import io.practicalsystems.crawler.frontier.Frontier;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import redis.clients.jedis.UnifiedJedis;

/**
 * This server's {@link FetchPipeline}, wired from the settings: one DNS cache (the configured resolver), the two
 * page fetchers, the shared frontier, Redis, the page store and the counters. The fetch MDB calls {@link #handle}.
 */
@ApplicationScoped
public class FetchPipelineService {

    @Inject
    CrawlSettings settings;

    @Inject
    PipelineSettings pipelineSettings;

    @Inject
    Frontier frontier;

    @Inject
    UnifiedJedis redis;

    @Inject
    CrawlService crawls;

    @Inject
    PageStore pages;

    @Inject
    CrawlCounters counters;

    @Inject
    PipelineStepMetrics steps;

    /**
     * Connections kept open across hosts (at most 4 per host). A crawl cycles through many hosts at once; with fewer
     * pooled connections than hosts in the cycle nearly every request opened a new one (16 for 50 hosts: 18 of the
     * fetch's 29 JFR samples were opening connections, and the web's CPU per page was four times a kept-alive fetch's).
     * Idle ones close after 30 s (PageFetcher).
     */
    static final int POOLED_CONNECTIONS = 256;

    private PageFetchers fetchers;
    private FetchPipeline pipeline;

    @PostConstruct
    void wire() {
        PipelineOptions options = pipelineSettings.pipelineOptions();
        DnsOptions dns = settings.dnsServer().map(DnsOptions.defaults()::withServers).orElse(DnsOptions.defaults());
        FetchOptions fetch = FetchOptions.defaults(settings.userAgent())
                .withMaxBodyBytes(settings.maxBodyBytes())
                .withTimeouts(settings.connectTimeout(), settings.readTimeout(), pipelineSettings.fetchDeadline())
                .withMaxConnections(Math.max(POOLED_CONNECTIONS, 2 * settings.fetchConcurrency()));
        fetchers = new PageFetchers(fetch, new CachingResolver(dns));
        pipeline = new FetchPipeline(new TimedFrontier(frontier, steps), new StoredCrawlContexts(crawls, options),
                fetchers, redis, "", page -> {
                    long started = System.nanoTime();
                    pages.save(page);
                    steps.since(StepTimer.Step.STORE, started);
                }, new CountersTally(counters), options, System::currentTimeMillis);
        pipeline.timeSteps(steps);
    }

    public FetchPipeline.Handled handle(FetchTask task) {
        long started = System.nanoTime();
        try {
            return pipeline.handle(task);
        } finally {
            steps.since(StepTimer.Step.TASK, started);
        }
    }

    /** The robots.txt decisions the pipeline fetches by. */
    public RobotsCache robots() {
        return pipeline.robots();
    }

    @PreDestroy
    void close() {
        if (fetchers != null) {
            fetchers.close();
        }
    }

    /** The pipeline's counts, into the counters the status view reads. */
    private record CountersTally(CrawlCounters counters) implements CrawlTally {

        @Override
        public void fetched(String crawlId) {
            counters.recordFetched(crawlId);
        }

        @Override
        public void duplicate(String crawlId) {
            counters.recordDuplicate(crawlId);
        }

        @Override
        public void error(String crawlId, String kind) {
            counters.recordError(crawlId, kind);
        }
    }
}
