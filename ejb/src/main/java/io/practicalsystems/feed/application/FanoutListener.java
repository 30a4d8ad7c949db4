package io.practicalsystems.feed.application;

import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import java.util.List;
import java.util.logging.Logger;

/**
 * Consumes {@code feed.fanout} (activation spec {@code practical-systems/practical-systems-ejb/FanoutListener}). An
 * unreadable message is logged and dropped. A failure of Redis or the document store is thrown, so the transaction
 * rolls back (batch messages it sent are not sent) and the message is redelivered; every step is idempotent.
 */
@MessageDriven(name = "FanoutListener")
public class FanoutListener implements MessageListener {

    private static final Logger LOG = Logger.getLogger(FanoutListener.class.getName());

    @Inject
    FanoutService fanout;

    @Inject
    FeedSettings settings;

    @Override
    public void onMessage(Message message) {
        if (!(message instanceof MapMessage m)) {
            LOG.warning("feed.fanout: dropped a message that is not a map message");
            return;
        }
        try {
            String kind = m.getString(FanoutMessages.KIND);
            switch (kind == null ? "" : kind) {
                case FanoutMessages.PUBLISH -> fanout.publish(FanoutMessages.post(m));
                case FanoutMessages.PUSH ->
                        fanout.push(FanoutMessages.post(m), List.of(FanoutMessages.recipients(m)));
                case FanoutMessages.DELETE -> fanout.delete(FanoutMessages.post(m));
                default -> {
                    LOG.warning("feed.fanout: dropped a message of unknown kind '" + kind + "'");
                    return;
                }
            }
            if (settings.faultInjectionEnabled() && m.propertyExists(FanoutMessages.FAIL_FIRST_DELIVERY)
                    && !m.getJMSRedelivered()) {
                // After the work, so the redelivery repeats work already done: what must add nothing twice.
                String failure = "feed.fanout: failing the first delivery of post " + m.getLong("postId")
                        + " on purpose (ps.feed.fault-injection.enabled)";
                LOG.warning(failure);
                throw new IllegalStateException(failure);
            }
        } catch (JMSException | IllegalArgumentException e) { // not a field of ours, or not a number / mode
            LOG.warning("feed.fanout: dropped an unreadable message: " + e.getMessage());
        }
    }
}
