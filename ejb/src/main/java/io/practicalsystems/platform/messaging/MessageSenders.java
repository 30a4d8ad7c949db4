package io.practicalsystems.platform.messaging;

import jakarta.jms.JMSException;
import jakarta.jms.Message;

/** Who sent a message, for the log lines of listeners that take messages from other processes. */
public final class MessageSenders {

    private MessageSenders() {
    }

    /** The authenticated user the messaging engine recorded as the sender ({@code JMSXUserID}), if it did. */
    public static String describe(Message message) {
        try {
            String user = message.getStringProperty("JMSXUserID");
            return user == null || user.isBlank() ? "an unnamed sender" : "user " + user;
        } catch (JMSException | RuntimeException e) {
            return "an unnamed sender";
        }
    }
}
