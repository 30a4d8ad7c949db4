package io.practicalsystems.crawler.application.seeds;

import io.practicalsystems.crawler.application.CrawlNotFoundException;
import io.practicalsystems.platform.messaging.MessageSenders;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import java.util.logging.Logger;

/**
 * Consumes {@code crawler.seeds} (activation spec {@code practical-systems/practical-systems-ejb/SeedSubmissionListener}).
 * A message that can never be taken — not text, not a {@link SeedSubmission}, over the bounds, for a crawl that does
 * not exist or is over — is logged with its sender and dropped: consumed, never redelivered. Only a failure of the
 * frontier or the document store (Redis or the store not answering) is thrown, so the message is redelivered a few
 * times ({@code maxRedeliveryCount} of the queue) and then parked on the messaging engine's exception destination.
 */
@MessageDriven(name = "SeedSubmissionListener")
public class SeedSubmissionListener implements MessageListener {

    private static final Logger LOG = Logger.getLogger(SeedSubmissionListener.class.getName());

    @Inject
    SeedSubmissionService seeds;

    @Override
    public void onMessage(Message message) {
        String from = MessageSenders.describe(message);
        SeedSubmission submission;
        try {
            if (!(message instanceof TextMessage text)) {
                throw new InvalidSeedSubmissionException("the message is not a text message");
            }
            submission = SeedSubmission.fromJson(text.getText());
        } catch (JMSException | InvalidSeedSubmissionException e) {
            LOG.warning("crawler.seeds: dropped a message from " + from + ": " + e.getMessage());
            return;
        }
        SeedSubmissionService.Outcome outcome;
        try {
            outcome = seeds.submit(submission);
        } catch (CrawlNotFoundException e) {
            LOG.warning("crawler.seeds: dropped " + submission.seeds().size() + " seeds from " + from
                    + " for crawl " + submission.crawlId() + ": no such crawl");
            return;
        }
        if (outcome.intake() == null) {
            LOG.warning("crawler.seeds: dropped " + submission.seeds().size() + " seeds from " + from + " for crawl "
                    + outcome.crawlId() + ": it is " + outcome.state() + " and takes no more URLs");
            return;
        }
        LOG.info("crawler.seeds: crawl " + outcome.crawlId() + " (" + outcome.state() + ") took "
                + (outcome.taken() ? outcome.offered().admitted() : 0) + " new of " + submission.seeds().size()
                + " seeds from " + from + (outcome.taken() ? " (" + outcome.offered().alreadySeen()
                + " already seen, " + (outcome.offered().rejectedDepth() + outcome.offered().rejectedHostLimit()
                + outcome.offered().rejectedQueryVariants()) + " over a limit)" : "")
                + (outcome.intake().rejectedCount() > 0 ? "; refused " + outcome.intake().rejected() : ""));
    }
}
