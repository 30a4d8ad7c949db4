package io.practicalsystems.platform.messaging;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import java.util.logging.Logger;

/**
 * Publishes operational events to the {@code platform.events} queue. Best effort by design: an event that
 * cannot be sent is logged and dropped, because no system may fail its own work over an announcement.
 */
@ApplicationScoped
public class PlatformEvents {

    private static final Logger LOG = Logger.getLogger(PlatformEvents.class.getName());

    @Resource(lookup = "jms/platformCF")
    ConnectionFactory connectionFactory;

    @Resource(lookup = "jms/platformEvents")
    Queue queue;

    public void publish(String system, String event) {
        String body = system + ": " + event;
        try (JMSContext context = connectionFactory.createContext()) {
            context.createProducer().send(queue, body);
        } catch (RuntimeException e) {
            LOG.warning("could not publish platform event '" + body + "': " + e.getMessage());
        }
    }
}
