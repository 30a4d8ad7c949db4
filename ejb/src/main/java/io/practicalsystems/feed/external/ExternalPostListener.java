package io.practicalsystems.feed.external;

import io.practicalsystems.platform.messaging.MessageSenders;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import java.util.logging.Logger;

/**
 * Consumes {@code feed.posts} (activation spec {@code practical-systems/practical-systems-ejb/ExternalPostListener}),
 * like {@code SeedSubmissionListener} consumes the crawler's seeds: a message that can never be posted — not text,
 * not an {@link ExternalPost}, a token that is not accepted, an unknown user, text against the rules, over the rate
 * limit — is logged with its sender and dropped, never redelivered. Only a failure of Redis or the document store is
 * thrown, so the message is redelivered ({@code maxRedeliveryCount} of the queue); its idempotency key keeps a
 * redelivery from posting twice.
 */
@MessageDriven(name = "ExternalPostListener")
public class ExternalPostListener implements MessageListener {

    private static final Logger LOG = Logger.getLogger(ExternalPostListener.class.getName());

    @Inject
    ExternalPostService service;

    @Override
    public void onMessage(Message message) {
        String from = MessageSenders.describe(message);
        try {
            if (!(message instanceof TextMessage text)) {
                throw new InvalidExternalPostException("the message is not a text message");
            }
            ExternalPost post = ExternalPost.fromJson(text.getText());
            String key = post.id() != null ? post.id() : message.getJMSMessageID();
            ExternalPostService.Outcome outcome = service.post(post, key);
            if (outcome.duplicate()) {
                LOG.info("feed.posts: message " + key + " from " + from + " for " + outcome.handle()
                        + " was posted before; nothing posted again");
            } else {
                LOG.info("feed.posts: posted " + outcome.post().post().id() + " for " + outcome.handle() + " from "
                        + from + " (message " + key + ")");
            }
        } catch (JMSException | InvalidExternalPostException e) {
            LOG.warning("feed.posts: dropped a message from " + from + ": " + e.getMessage());
        }
    }
}
