package io.practicalsystems.shortener.application;

import io.practicalsystems.shortener.ClickEvent;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import java.util.logging.Logger;

/**
 * Consumes {@code shortener.clicks} (activation spec {@code practical-systems/practical-systems-ejb/ClickEventListener}).
 * A malformed message is logged and consumed (redelivering it can never succeed); a storage failure is thrown
 * so the container rolls back and the message is redelivered.
 */
@MessageDriven(name = "ClickEventListener")
public class ClickEventListener implements MessageListener {

    private static final Logger LOG = Logger.getLogger(ClickEventListener.class.getName());
    /** Message property set only by the admin fault-injection endpoint. */
    static final String FAIL_FIRST_DELIVERY = "failFirstDelivery";

    @Inject
    ClickRecorder recorder;

    @Override
    public void onMessage(Message message) {
        ClickEvent event;
        try {
            event = ClickEvent.fromWire(((TextMessage) message).getText());
        } catch (JMSException | ClassCastException | IllegalArgumentException e) {
            LOG.warning("discarding malformed click message: " + e.getMessage());
            return;
        }
        boolean stored = recorder.record(event);
        if (stored && failOnThisDelivery(message)) {
            // After the row and the live counter were written: the rollback and redelivery must not double-count.
            throw new IllegalStateException("fault injection: failing first delivery of " + event.eventId());
        }
    }

    private static boolean failOnThisDelivery(Message message) {
        try {
            return message.propertyExists(FAIL_FIRST_DELIVERY) && message.getBooleanProperty(FAIL_FIRST_DELIVERY)
                    && !message.getJMSRedelivered();
        } catch (JMSException e) {
            return false;
        }
    }
}
