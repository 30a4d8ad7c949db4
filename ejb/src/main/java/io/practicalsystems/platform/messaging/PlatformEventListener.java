package io.practicalsystems.platform.messaging;

import jakarta.ejb.MessageDriven;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import java.util.logging.Logger;

/**
 * Consumes operational events (worker lease acquired/lost, embedded server started…) from the
 * {@code platform.events} queue on the embedded messaging engine and writes them to the server log.
 * Its activation spec in server.xml is {@code practical-systems/practical-systems-ejb/PlatformEventListener}.
 */
@MessageDriven(name = "PlatformEventListener")
public class PlatformEventListener implements MessageListener {

    private static final Logger LOG = Logger.getLogger(PlatformEventListener.class.getName());

    @Override
    public void onMessage(Message message) {
        try {
            String body = message instanceof TextMessage text ? text.getText() : message.getJMSType();
            LOG.info(() -> "platform event: " + body);
        } catch (JMSException e) {
            LOG.warning("unreadable platform event: " + e);
        }
    }
}
