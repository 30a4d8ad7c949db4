package io.practicalsystems.crawler.batch;

import io.practicalsystems.crawler.application.ClaimLoop;
import io.practicalsystems.crawler.application.CrawlNotFoundException;
import io.practicalsystems.crawler.application.CrawlService;
import io.practicalsystems.crawler.application.CrawlSettings;
import io.practicalsystems.crawler.application.CrawlState;
import io.practicalsystems.crawler.application.FetchDispatcher;
import io.practicalsystems.crawler.application.FrontierRecovery;
import io.practicalsystems.crawler.application.dispatch.PipelineSettings;
import io.practicalsystems.crawler.frontier.Claim;
import io.practicalsystems.crawler.frontier.Frontier;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.logging.Logger;

/**
 * The dispatch step's reader: claims URLs from the frontier for this server ({@link ClaimLoop}), hands them to the
 * {@link FetchDispatcher} at once and returns them one by one for the step's counts; an {@link IdleTick} after a
 * second with nothing due (or while the crawl is paused), so the chunk commits;
 * null (end of step) when the crawl is stopped, when it has nothing left (it is then FINISHED), or when the job is
 * being stopped.
 * A failing Redis or document store is waited out, not fatal: the run goes on when they answer again. No
 * checkpoint: the frontier is the state (a claim not completed goes back to its queue when its lease expires).
 */
@Named("frontierClaimReader")
@Dependent
public class FrontierClaimReader extends AbstractItemReader {

    private static final Logger LOG = Logger.getLogger(FrontierClaimReader.class.getName());
    private static final long STATE_REFRESH_MILLIS = 500;
    private static final long IDLE_TICK_MILLIS = 1000;
    /** Least sleep between two claims that found nothing (a due host may be unclaimable: maxPages in flight). */
    private static final long MIN_SLEEP_MILLIS = 5;

    @Inject
    JobContext job;

    @Inject
    StepContext step;

    @Inject
    CrawlService crawls;

    @Inject
    CrawlSettings settings;

    @Inject
    Frontier frontier;

    @Inject
    FetchDispatcher dispatcher;

    @Inject
    FrontierRecovery recovery;

    @Inject
    PipelineSettings pipeline;

    private String crawlId;
    private ClaimLoop loop;
    private final Deque<Claim> buffer = new ArrayDeque<>();
    private CrawlState state;
    private long stateReadAt;
    private String lastProblem;
    /** What the pipeline could take at the last step (-1: not asked, e.g. a failure). */
    private int lastCapacity = -1;

    @Override
    public void open(Serializable checkpoint) {
        crawlId = CrawlRunParameters.crawlId(job);
        loop = new ClaimLoop(frontier, crawlId, settings.workerId(), settings.leaseMillis(),
                crawls.get(crawlId).definition().frontierLimits(), settings.claimAheadMillis());
    }

    @Override
    public Object readItem() throws InterruptedException {
        if (!buffer.isEmpty()) {
            return buffer.poll();
        }
        long waitStarted = System.currentTimeMillis();
        while (job.getBatchStatus() != BatchStatus.STOPPING) {
            ClaimLoop.Step next = nextStep();
            if (next instanceof ClaimLoop.Claimed claimed) {
                // Dispatched now, not by the chunk's writer: a claim leases its host from the moment it is taken,
                // and a chunk ends only after 20 items or 2 s — each claim held that long made its host's turn
                // late (measured: a 50-host crawl at d = 500 ms reached ~10 % of H/d), and claims not yet
                // dispatched were not counted in the capacity, so the run claimed more than the pipeline takes.
                dispatcher.dispatch(crawlId, claimed.claims());
                buffer.addAll(claimed.claims());
                return buffer.poll();
            }
            if (next instanceof ClaimLoop.End end) {
                if (end.finished()) {
                    crawls.finish(crawlId);
                }
                step.setExitStatus(end.reason());
                return null;
            }
            long idleFor = System.currentTimeMillis() - waitStarted;
            if (idleFor >= IDLE_TICK_MILLIS) {
                return IdleTick.INSTANCE;
            }
            long poll = Math.min(settings.dispatchIdleMillis(), IDLE_TICK_MILLIS - idleFor);
            if (lastCapacity == 0) {
                dispatcher.awaitCapacity(crawlId, poll); // the pipeline is full: go on as soon as a task ends
            } else {
                long frontierWait = ((ClaimLoop.Wait) next).millis();
                Thread.sleep(Math.max(MIN_SLEEP_MILLIS, Math.min(frontierWait, poll)));
            }
        }
        return null;
    }

    private ClaimLoop.Step nextStep() {
        lastCapacity = -1;
        try {
            CrawlState current = state();
            // Before every claim: a claim from a frontier that Redis lost (and stray offers refilled) could fetch a
            // stored page again. One EXISTS when the frontier is there.
            if ((current == CrawlState.RUNNING || current == CrawlState.PAUSED)
                    && recovery.ensure(crawlId, settle()) == FrontierRecovery.Check.REBUILDING) {
                return ClaimLoop.WAIT;
            }
            lastCapacity = dispatcher.capacity(crawlId);
            ClaimLoop.Step next = loop.next(current, lastCapacity);
            if (next instanceof ClaimLoop.End end && end.finished()
                    && recovery.ensure(crawlId, settle()) != FrontierRecovery.Check.INTACT) {
                return ClaimLoop.WAIT; // nothing left because Redis lost it all: rebuilt (or being rebuilt) now
            }
            lastProblem = null;
            return next;
        } catch (RuntimeException e) {
            String problem = e.getClass().getSimpleName() + ": " + e.getMessage();
            if (!problem.equals(lastProblem)) {
                LOG.warning("crawl " + crawlId + ": cannot claim now, waiting (" + problem + ")");
                lastProblem = problem;
            }
            return ClaimLoop.WAIT;
        }
    }

    /** Fetches in flight when Redis lost the data store their pages within the fetch deadline (+ the runs' refresh). */
    private Duration settle() {
        return pipeline.fetchDeadline().plusMillis(4 * STATE_REFRESH_MILLIS);
    }

    /** The crawl's state, read from the store at most every half second (pause, resume, stop show within that). */
    private CrawlState state() {
        long now = System.currentTimeMillis();
        if (state == null || now - stateReadAt >= STATE_REFRESH_MILLIS) {
            try {
                state = crawls.get(crawlId).crawlState();
            } catch (CrawlNotFoundException e) {
                state = CrawlState.STOPPED; // deleted (only a stopped or finished crawl is): this run ends
            }
            stateReadAt = now;
        }
        return state;
    }
}
