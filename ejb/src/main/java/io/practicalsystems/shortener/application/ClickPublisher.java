package io.practicalsystems.shortener.application;

import io.practicalsystems.shortener.ClickEvent;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import org.eclipse.microprofile.faulttolerance.Asynchronous;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * Sends click events to the {@code shortener.clicks} queue off the request thread: a redirect never waits for
 * analytics. Under overload (bulkhead queue full) or with messaging down, clicks are shed and counted rather
 * than slowing redirects — a deliberate trade, visible in {@link #dropped()} and the log.
 */
@ApplicationScoped
public class ClickPublisher {

    private static final Logger LOG = Logger.getLogger(ClickPublisher.class.getName());

    @Resource(lookup = "jms/platformCF")
    ConnectionFactory connectionFactory;

    @Resource(lookup = "jms/shortenerClicks")
    Queue clicks;

    private final AtomicLong dropped = new AtomicLong();

    @Asynchronous
    @Timeout(5000)
    @Bulkhead(value = 4, waitingTaskQueue = 10_000)
    @Fallback(fallbackMethod = "drop")
    public CompletionStage<Void> publish(ClickEvent event) {
        try (JMSContext context = connectionFactory.createContext()) {
            context.createProducer().send(clicks, event.toWire());
        }
        return CompletableFuture.completedFuture(null);
    }

    /** Fault injection: {@code failFirstDelivery} asks the listener to fail once after storing (see the listener). */
    public CompletionStage<Void> publishForTest(ClickEvent event, boolean failFirstDelivery) {
        try (JMSContext context = connectionFactory.createContext()) {
            context.createProducer().setProperty(ClickEventListener.FAIL_FIRST_DELIVERY, failFirstDelivery)
                    .send(clicks, event.toWire());
        }
        return CompletableFuture.completedFuture(null);
    }

    CompletionStage<Void> drop(ClickEvent event) {
        long total = dropped.incrementAndGet();
        if (Long.bitCount(total) == 1) { // 1, 2, 4, 8…: visible without flooding the log
            LOG.warning("click events dropped so far: " + total + " (messaging slow, down or overloaded)");
        }
        return CompletableFuture.completedFuture(null);
    }

    public long dropped() {
        return dropped.get();
    }
}
