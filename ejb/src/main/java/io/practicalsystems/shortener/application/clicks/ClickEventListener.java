package io.practicalsystems.shortener.application.clicks;

import io.practicalsystems.shortener.ClickAggregate;
import io.practicalsystems.shortener.DailyStat;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import java.util.List;
import java.util.logging.Logger;

/**
 * Consumes {@code shortener.clicks}: one {@link ClickAggregate} per message, a server's clicks of one flush window
 * (activation spec {@code practical-systems/practical-systems-ejb/ClickEventListener}). A message that does not parse
 * is logged and discarded (redelivering it can never succeed) — among them the per-click messages of versions before
 * 2026-12-05, so drain the queue before upgrading from one; a storage failure is thrown so the container rolls back
 * and the message is redelivered.
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
        ClickAggregate aggregate;
        try {
            aggregate = ClickAggregate.fromWire(((TextMessage) message).getText());
        } catch (JMSException | ClassCastException | IllegalArgumentException | NullPointerException e) {
            LOG.warning("discarding unreadable click message: " + e.getMessage());
            return;
        }
        List<DailyStat> storable = aggregate.counts().stream().filter(StoredClickBatch::fits).toList();
        if (storable.size() < aggregate.counts().size()) {
            LOG.warning("discarding " + (aggregate.counts().size() - storable.size()) + " click counts of aggregate "
                    + aggregate.id() + " that cannot be stored (a field is too long)");
            if (storable.isEmpty()) {
                return;
            }
            aggregate = new ClickAggregate(aggregate.id(), storable);
        }
        long stored = recorder.record(aggregate);
        if (stored > 0 && failOnThisDelivery(message)) {
            // After the rows and the live counters were written: the rollback and redelivery must not double-count.
            throw new IllegalStateException("fault injection: failing first delivery of " + aggregate.id());
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
