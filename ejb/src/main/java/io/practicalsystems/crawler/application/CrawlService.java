package io.practicalsystems.crawler.application;

import io.practicalsystems.crawler.application.store.CrawlDocument;
import io.practicalsystems.crawler.application.store.CrawlStore;
import io.practicalsystems.crawler.application.store.PageDocument;
import io.practicalsystems.crawler.application.store.PageStore;
import io.practicalsystems.crawler.frontier.Frontier;
import io.practicalsystems.crawler.frontier.FrontierStats;
import io.practicalsystems.crawler.frontier.HostPage;
import io.practicalsystems.crawler.frontier.OfferResult;
import io.practicalsystems.idgen.application.IdGeneratorService;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * The crawler's application service: creates crawls (validated definition, id from the ID generator, document in
 * the store), reads them, moves them between states (compare-and-set, so concurrent callers cannot both win) and
 * starts their runs; builds the status, pages and hosts views.
 */
@ApplicationScoped
public class CrawlService {

    private static final Logger LOG = Logger.getLogger(CrawlService.class.getName());
    /** Crawl ids are Snowflake IDs as decimal strings; anything else cannot exist and is not looked up. */
    private static final Pattern CRAWL_ID = Pattern.compile("[0-9]{1,19}");
    static final String HOST_CURSOR = "h";
    private static final Set<CrawlState> DELETABLE = EnumSet.of(CrawlState.CREATED, CrawlState.STOPPED,
            CrawlState.FINISHED);

    @Inject
    CrawlSettings settings;

    @Inject
    CrawlStore crawls;

    @Inject
    PageStore pages;

    @Inject
    CrawlCounters counters;

    @Inject
    Frontier frontier;

    @Inject
    CrawlRuns runs;

    @Inject
    Instance<HostDetails> hostDetails;

    @Inject
    CrawlRedisKeys redisKeys;

    @Inject
    CrawlSeenSets seenSets;

    @Inject
    FrontierRecovery recovery;

    @EJB
    IdGeneratorService ids;

    public CrawlDocument create(CrawlDefinition.Draft draft) {
        CrawlDefinition definition = CrawlDefinition.validate(draft, settings.definitionDefaults());
        CrawlDocument crawl = CrawlDocument.created(Long.toString(ids.next()), definition, System.currentTimeMillis());
        crawls.insert(crawl);
        return crawl;
    }

    public CrawlDocument get(String crawlId) {
        if (crawlId == null || !CRAWL_ID.matcher(crawlId).matches()) {
            throw new CrawlNotFoundException(crawlId);
        }
        return crawls.find(crawlId).orElseThrow(() -> new CrawlNotFoundException(crawlId));
    }

    public Listing<CrawlDocument> list(String cursor, int limit) {
        return crawls.list(cursor, limit);
    }

    /**
     * Applies an operator's action (START, PAUSE, RESUME, STOP). START and RESUME also start a run of the crawl on
     * this server unless it has one (a paused crawl's runs stay, idle, and go on when it is resumed); if that fails
     * the crawl is moved back and the failure thrown, so the state never claims a run that does not exist.
     */
    public CrawlDocument apply(String crawlId, CrawlAction action) {
        CrawlDocument crawl = get(crawlId);
        CrawlState from = crawl.crawlState();
        CrawlState to = action.apply(crawlId, from);
        if (!crawls.transition(crawlId, from, to, System.currentTimeMillis())) {
            // Another caller moved it between our read and our write: judge the action against what it is now.
            throw new IllegalCrawlTransitionException(crawlId, get(crawlId).crawlState(), action);
        }
        if (to == CrawlState.RUNNING) {
            try {
                runs.launch(crawlId);
            } catch (RuntimeException e) {
                crawls.transition(crawlId, to, from, System.currentTimeMillis());
                throw e instanceof CrawlRunUnavailableException ? e
                        : new CrawlRunUnavailableException("the crawl-run job could not be started", e);
            }
        }
        return get(crawlId);
    }

    /**
     * Removes a crawl that is not RUNNING or PAUSED: its Redis keys, its pages, then its document (compare-and-set
     * on the state, so a crawl started meanwhile stays). The data goes first so that a delete cut short by an
     * outage can simply be repeated; a CREATED crawl started in between has nothing in Redis or pages yet.
     */
    public void delete(String crawlId) {
        CrawlState state = get(crawlId).crawlState();
        if (!DELETABLE.contains(state)) {
            throw IllegalCrawlTransitionException.deleteRefused(crawlId, state);
        }
        long keys = redisKeys.deleteAll(crawlId);
        pages.deleteAll(crawlId);
        if (!crawls.delete(crawlId, DELETABLE)) {
            CrawlState now = get(crawlId).crawlState();
            throw IllegalCrawlTransitionException.deleteRefused(crawlId, now);
        }
        seenSets.forget(crawlId);
        LOG.info("crawl " + crawlId + " deleted (" + state + "): " + keys + " Redis keys, its pages and document");
    }

    /**
     * Offers the crawl's seeds to the frontier unless the document says that was done; then records it. Safe to
     * repeat and to run on several servers at once: the frontier admits a URL once per crawl, so a repeat after a
     * crash between the offer and the record admits nothing.
     *
     * @return what the frontier did with the seeds, or null when they had been offered before
     */
    public OfferResult seed(String crawlId) {
        CrawlDocument crawl = get(crawlId);
        if (crawl.seeded()) {
            return null;
        }
        CrawlDefinition definition = crawl.definition();
        recovery.markCreated(crawlId);
        OfferResult result = frontier.offer(crawlId, definition.seedUrls(), definition.frontierLimits());
        crawls.markSeeded(crawlId);
        return result;
    }

    /**
     * CREATED → RUNNING without starting a run: for a {@code crawl-run} job started directly (Admin Center, batch
     * REST API), which is that run. False if the crawl was not CREATED.
     */
    public boolean startedByRun(String crawlId) {
        return crawls.transition(crawlId, CrawlState.CREATED, CrawlState.RUNNING, System.currentTimeMillis());
    }

    /** RUNNING → FINISHED, taken by a run that found the frontier exhausted; false if the crawl was not RUNNING. */
    public boolean finish(String crawlId) {
        return crawls.transition(crawlId, CrawlState.RUNNING, CrawlState.FINISHED, System.currentTimeMillis());
    }

    public CrawlStatus status(String crawlId) {
        CrawlDocument crawl = get(crawlId);
        try {
            FrontierStats stats = frontier.stats(crawlId);
            CrawlCounters.Counts counts = counters.snapshot(crawlId);
            return new CrawlStatus(crawl, stats, counts.duplicates(), counts.errors(), counts.pagesPerSecond(),
                    frontier.seenFalsePositiveRate(crawlId), null);
        } catch (RuntimeException e) {
            LOG.warning("crawl " + crawlId + ": frontier or counters unavailable: " + e);
            return new CrawlStatus(crawl, null, 0, Map.of(), 0, 0,
                    "frontier and counters are unavailable (Redis did not answer); the state is the stored one");
        }
    }

    public Listing<PageDocument> pages(String crawlId, String cursor, int limit) {
        get(crawlId);
        return pages.page(crawlId, cursor, limit);
    }

    public Listing<HostStatus> hosts(String crawlId, String cursor, int limit) {
        get(crawlId);
        String after = Cursor.decode(HOST_CURSOR, cursor);
        HostPage page;
        try {
            page = frontier.hosts(crawlId, after, limit);
        } catch (IllegalArgumentException e) {
            throw new InvalidCursorException("cursor is not one this listing handed out: pass back the 'next' value "
                    + "of the previous page unchanged");
        }
        HostDetails details = hostDetails.isResolvable() ? hostDetails.get() : null;
        List<HostStatus> items = page.items().stream().map(host -> new HostStatus(host,
                details == null ? null : details.of(crawlId, host.hostKey()).orElse(null))).toList();
        return new Listing<>(items, page.next() == null ? null : Cursor.encode(HOST_CURSOR, page.next()));
    }
}
