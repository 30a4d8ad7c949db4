package io.practicalsystems.shortener.application.clicks;

import io.practicalsystems.shortener.ClickEvent;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * Consumes {@code shortener.clicks} (batches of click events, one per line; activation spec {@code practical-systems/practical-systems-ejb/ClickEventListener}).
 * Malformed lines are logged and skipped (redelivering them can never succeed); a storage failure is thrown
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
        List<ClickEvent> events = new ArrayList<>();
        String text;
        try {
            text = ((TextMessage) message).getText();
        } catch (JMSException | ClassCastException e) {
            LOG.warning("discarding unreadable click message: " + e.getMessage());
            return;
        }
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            try {
                ClickEvent event = ClickEvent.fromWire(line);
                if (StoredClickBatch.fits(event)) {
                    events.add(event);
                } else {
                    LOG.warning("discarding click event that cannot be stored (a field is too long): " + event.eventId());
                }
            } catch (IllegalArgumentException e) {
                // One bad line must not poison the batch: redelivering it could never succeed.
                LOG.warning("discarding malformed click event: " + e.getMessage());
            }
        }
        int stored = recorder.recordAll(events);
        if (stored > 0 && failOnThisDelivery(message)) {
            // After the rows and the live counters were written: the rollback and redelivery must not double-count.
            throw new IllegalStateException("fault injection: failing first delivery of " + events.get(0).eventId());
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
