package io.practicalsystems.crawler.application.dispatch;

import io.practicalsystems.crawler.application.pipeline.FetchPipeline;
import io.practicalsystems.crawler.application.pipeline.FetchTask;
import io.practicalsystems.crawler.application.pipeline.StepTimer;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Consumes {@code crawler.fetch}: one claimed URL per message, through the {@link FetchPipeline} (activation spec
 * {@code practical-systems/practical-systems-ejb/FetchTaskListener}, {@code maxConcurrency} from
 * {@code ps.crawler.fetch-concurrency}). An unreadable message is logged and dropped (its claim's lease expires and
 * the URL is claimed again). A failure (Redis or the document store not answering) is thrown, so the message is
 * redelivered; the pipeline's first step makes a redelivery that finds its claim completed or taken over do nothing.
 */
@MessageDriven(name = "FetchTaskListener")
public class FetchTaskListener implements MessageListener {

    private static final Logger LOG = Logger.getLogger(FetchTaskListener.class.getName());

    @Inject
    FetchPipelineService pipeline;

    @Inject
    JmsFetchDispatcher dispatcher;

    @Inject
    PipelineStepMetrics steps;

    @Override
    public void onMessage(Message message) {
        FetchTask task;
        try {
            long sentAt = message.getJMSTimestamp();
            if (sentAt > 0) {
                steps.record(StepTimer.Step.QUEUE, Math.max(0, System.currentTimeMillis() - sentAt) * 1_000_000);
            }
            task = FetchTask.fromJson(((TextMessage) message).getText());
        } catch (JMSException | ClassCastException | IllegalArgumentException e) {
            LOG.warning("discarding unreadable fetch task: " + e.getMessage());
            return;
        }
        try {
            FetchPipeline.Handled handled = pipeline.handle(task);
            if (LOG.isLoggable(Level.FINE)) {
                LOG.fine("crawl " + task.crawlId() + " " + task.claim().url() + ": " + (handled.stale() ? "stale"
                        : handled.done() + (handled.completed() ? "" : " (completion refused: stale)")));
            }
        } finally {
            dispatcher.finished(task);
        }
    }
}
