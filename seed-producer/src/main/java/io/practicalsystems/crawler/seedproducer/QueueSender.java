package io.practicalsystems.crawler.seedproducer;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.JMSSecurityRuntimeException;
import jakarta.jms.Queue;
import java.io.PrintStream;
import java.util.List;

/**
 * Sends text messages to a queue of the server as a messaging user, and turns what went wrong into the producers'
 * exit codes: {@value #REFUSED} refused by the messaging engine (user, password or permission), {@value #FAILED} the
 * server could not be reached or the send failed.
 */
public final class QueueSender {

    public static final int SENT = 0;
    public static final int USAGE = 2;
    public static final int REFUSED = 3;
    public static final int FAILED = 4;

    private QueueSender() {
    }

    /**
     * @param program   the producer's name, at the start of each line it prints
     * @param queueName the queue's name on the server, for the messages
     * @return {@value #SENT} or the exit code of the failure (already printed to {@code err})
     */
    public static int send(ConnectionFactory factory, Queue queue, String queueName, String user, String password,
            List<String> messages, String program, PrintStream err) {
        try (JMSContext context = factory.createContext(user, password)) {
            JMSProducer producer = context.createProducer();
            for (String message : messages) {
                producer.send(queue, message);
            }
            return SENT;
        } catch (JMSSecurityRuntimeException e) {
            err.println(program + ": refused: the messaging engine did not let " + user + " send to " + queueName
                    + " (wrong user or password, or no permission): " + e.getMessage());
            return REFUSED;
        } catch (JMSRuntimeException e) {
            if (notAuthorized(e)) {
                err.println(program + ": refused: " + user + " may not send to " + queueName + ": " + e.getMessage());
                return REFUSED;
            }
            err.println(program + ": could not send: " + e.getMessage()
                    + (e.getCause() != null ? " (" + e.getCause() + ")" : ""));
            return FAILED;
        }
    }

    /** A missing permission is a plain JMSRuntimeException caused by the engine's SINotAuthorizedException. */
    private static boolean notAuthorized(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getClass().getSimpleName().contains("NotAuthorized")) {
                return true;
            }
        }
        return false;
    }
}
