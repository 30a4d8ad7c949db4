package io.practicalsystems.shortener.application;

import io.practicalsystems.shortener.ClickEvent;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Gets click events to the {@code shortener.clicks} queue without the redirect ever waiting: {@link #publish}
 * only appends to an in-memory buffer; a flusher sends the buffer every {@code ps.shortener.clicks.flush.ms}
 * (default 50 ms) as messages of up to 500 events, one event per line. Batching is what makes analytics cheap
 * enough to run on every redirect (one JMS send and one database transaction per batch, not per click).
 * Trade-offs, both counted in {@link #dropped()}: a crash loses at most one flush interval of clicks, and when
 * the buffer is full or messaging is down, clicks are shed rather than slowing redirects.
 */
@ApplicationScoped
public class ClickPublisher {

    private static final Logger LOG = Logger.getLogger(ClickPublisher.class.getName());
    static final int EVENTS_PER_MESSAGE = 500;

    @Resource(lookup = "jms/platformCF")
    ConnectionFactory connectionFactory;

    @Resource(lookup = "jms/shortenerClicks")
    Queue clicks;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    @ConfigProperty(name = "ps.shortener.clicks.flush.ms", defaultValue = "50")
    long flushMillis;

    @Inject
    @ConfigProperty(name = "ps.shortener.clicks.max-pending", defaultValue = "100000")
    int maxPending;

    private final ConcurrentLinkedQueue<ClickEvent> pending = new ConcurrentLinkedQueue<>();
    private final AtomicInteger pendingCount = new AtomicInteger();
    private final AtomicLong dropped = new AtomicLong();
    private ScheduledFuture<?> flusher;

    @PostConstruct
    void startFlusher() {
        flusher = scheduler.scheduleWithFixedDelay(this::flush, flushMillis, flushMillis, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stopFlusher() {
        if (flusher != null) {
            flusher.cancel(false);
        }
        flush();
    }

    /** Never blocks: buffers the event, or drops it (counted) when the buffer is full. */
    public void publish(ClickEvent event) {
        if (pendingCount.incrementAndGet() > maxPending) {
            pendingCount.decrementAndGet();
            drop(1);
            return;
        }
        pending.add(event);
    }

    /** Fault injection: sends one event at once; {@code failFirstDelivery} makes the listener fail once after storing. */
    public void publishForTest(ClickEvent event, boolean failFirstDelivery) {
        try (JMSContext context = connectionFactory.createContext()) {
            context.createProducer().setProperty(ClickEventListener.FAIL_FIRST_DELIVERY, failFirstDelivery)
                    .send(clicks, event.toWire());
        }
    }

    void flush() {
        List<ClickEvent> batch = new ArrayList<>(EVENTS_PER_MESSAGE);
        ClickEvent event;
        while ((event = pending.poll()) != null) {
            pendingCount.decrementAndGet();
            batch.add(event);
            if (batch.size() == EVENTS_PER_MESSAGE) {
                send(batch);
                batch = new ArrayList<>(EVENTS_PER_MESSAGE);
            }
        }
        if (!batch.isEmpty()) {
            send(batch);
        }
    }

    private void send(List<ClickEvent> batch) {
        StringBuilder body = new StringBuilder(batch.size() * 96);
        for (ClickEvent e : batch) {
            body.append(e.toWire()).append('\n');
        }
        try (JMSContext context = connectionFactory.createContext()) {
            context.createProducer().send(clicks, body.toString());
        } catch (RuntimeException e) {
            drop(batch.size());
            LOG.warning("could not send " + batch.size() + " click events: " + e.getMessage());
        }
    }

    private void drop(int events) {
        long before = dropped.getAndAdd(events);
        if (Long.numberOfLeadingZeros(before) != Long.numberOfLeadingZeros(before + events)) { // crossed a power of 2
            LOG.warning("click events dropped so far: " + (before + events) + " (buffer full or messaging down)");
        }
    }

    public long dropped() {
        return dropped.get();
    }
}
