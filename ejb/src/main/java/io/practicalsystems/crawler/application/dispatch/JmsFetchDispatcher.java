package io.practicalsystems.crawler.application.dispatch;

import io.practicalsystems.crawler.application.CrawlSettings;
import io.practicalsystems.crawler.application.FetchDispatcher;
import io.practicalsystems.crawler.application.pipeline.FetchTask;
import io.practicalsystems.crawler.frontier.Claim;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.Queue;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * The {@link FetchDispatcher}: one JSON text message per claim on queue {@code crawler.fetch}
 * ({@code jms/crawlerFetch}), which this server's {@code FetchTaskListener} consumes. Backpressure: tasks dispatched
 * and not finished are bounded per server ({@link PipelineSettings#inFlightBound()}, twice the MDB's concurrency),
 * and the run claims only {@link #capacity} more, so the queue holds little and no lease expires in it.
 *
 * <p>Messages are sent at once, outside the batch chunk's transaction: a claim is leased from the moment it is
 * taken, so holding its message until the chunk commits would only spend lease time. If the chunk then fails, the
 * tasks are already on their way; nothing is lost either way (an unsent claim's lease expires and it is reclaimed).
 *
 * <p>Persistent (the default): non-persistent messages were tried (issue 15) and made the messaging engine's consumer
 * threads unlock the messages they had locked and not delivered, which cost more of the server's samples than
 * persisting had (docs/crawler.md, Measured).
 */
@ApplicationScoped
public class JmsFetchDispatcher implements FetchDispatcher {

    @Resource(lookup = "jms/platformCF")
    ConnectionFactory connectionFactory;

    @Resource(lookup = "jms/crawlerFetch")
    Queue queue;

    @Inject
    CrawlSettings settings;

    @Inject
    PipelineSettings pipelineSettings;

    private InFlightTasks inFlight;

    @PostConstruct
    void init() {
        inFlight = new InFlightTasks(pipelineSettings.inFlightBound(), System::currentTimeMillis);
    }

    @Override
    public int capacity(String crawlId) {
        return inFlight.capacity();
    }

    @Override
    public void awaitCapacity(String crawlId, long maxMillis) throws InterruptedException {
        inFlight.awaitCapacity(maxMillis);
    }

    @Override
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public void dispatch(String crawlId, List<Claim> claims) {
        try (JMSContext context = connectionFactory.createContext()) {
            JMSProducer producer = context.createProducer();
            for (Claim claim : claims) {
                inFlight.dispatched(crawlId, claim.token(), settings.leaseMillis());
                try {
                    producer.send(queue, FetchTask.claimedAt(System.currentTimeMillis(), crawlId, claim).toJson());
                } catch (RuntimeException e) {
                    inFlight.finished(crawlId, claim.token());
                    throw e;
                }
            }
        }
    }

    /** The MDB is done with the task (fetched, given back, or found stale). */
    void finished(FetchTask task) {
        inFlight.finished(task.crawlId(), task.claim().token());
    }
}
