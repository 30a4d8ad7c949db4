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
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Consumes {@code crawler.fetch}: one or a few claimed URLs per message, one after the other, through the
 * {@link FetchPipeline} (activation spec {@code practical-systems/practical-systems-ejb/FetchTaskListener},
 * {@code maxConcurrency} from {@code ps.crawler.fetch-concurrency}). An unreadable message is logged and dropped (its
 * claims' leases expire and the URLs are claimed again). A failure (Redis or the document store not answering) does
 * not keep the message's other claims from being worked; it is thrown at the end, so the message is redelivered, and
 * the pipeline's first step makes a redelivered claim that was completed or taken over do nothing.
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
        List<FetchTask> tasks;
        long sentAt;
        try {
            sentAt = message.getJMSTimestamp();
            tasks = FetchTask.fromJson(((TextMessage) message).getText());
        } catch (JMSException | ClassCastException | IllegalArgumentException e) {
            LOG.warning("discarding unreadable fetch task: " + e.getMessage());
            return;
        }
        RuntimeException failed = null;
        for (FetchTask task : tasks) {
            if (sentAt > 0) { // from the send to this task's start, the earlier tasks of its message included
                steps.record(StepTimer.Step.QUEUE, Math.max(0, System.currentTimeMillis() - sentAt) * 1_000_000);
            }
            try {
                handle(task);
            } catch (RuntimeException e) {
                if (failed == null) {
                    failed = e;
                } else {
                    failed.addSuppressed(e);
                }
            }
        }
        if (failed != null) {
            throw failed;
        }
    }

    private void handle(FetchTask task) {
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
