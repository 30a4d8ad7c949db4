package io.practicalsystems.platform.messaging;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.logging.Logger;
import org.eclipse.microprofile.faulttolerance.Asynchronous;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.Fallback;

/**
 * Publishes operational events to the {@code platform.events} queue. Best effort by design: an event that
 * cannot be sent is logged and dropped, because no system may fail — or wait for — its own work over an
 * announcement. Hence asynchronous and bounded in concurrency (MicroProfile Fault Tolerance): two sends at once, 50
 * waiting, any more dropped at once.
 *
 * <p>No {@code @Timeout}: MicroProfile Fault Tolerance ends a timed-out asynchronous call by interrupting its thread,
 * and a thread interrupted inside the embedded messaging engine's file store (a persistent send writes it through a
 * {@code FileChannel}) closes that channel — the engine then reports "CWSIS1590E: The file store has stopped
 * unexpectedly" and every queue of the server is dead until a restart (the crawler's fetch queue included). Seen on
 * a restart under load, when a send took over the 2 s the timeout allowed.
 */
@ApplicationScoped
public class PlatformEvents {

    private static final Logger LOG = Logger.getLogger(PlatformEvents.class.getName());

    @Resource(lookup = "jms/platformCF")
    ConnectionFactory connectionFactory;

    @Resource(lookup = "jms/platformEvents")
    Queue queue;

    @Asynchronous
    @Bulkhead(value = 2, waitingTaskQueue = 50)
    @Fallback(fallbackMethod = "dropped")
    public CompletionStage<Void> publish(String system, String event) {
        try (JMSContext context = connectionFactory.createContext()) {
            context.createProducer().send(queue, system + ": " + event);
        }
        return CompletableFuture.completedFuture(null);
    }

    CompletionStage<Void> dropped(String system, String event) {
        LOG.warning("platform event dropped (messaging slow or unavailable): " + system + ": " + event);
        return CompletableFuture.completedFuture(null);
    }
}
