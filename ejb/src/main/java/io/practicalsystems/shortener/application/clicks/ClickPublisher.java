package io.practicalsystems.shortener.application.clicks;

import io.practicalsystems.idgen.application.IdGeneratorService;
import io.practicalsystems.shortener.ClickEvent;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
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

    @EJB
    IdGeneratorService ids;

    private final ConcurrentLinkedQueue<Click> pending = new ConcurrentLinkedQueue<>();
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

    /** A click before it has an event ID. */
    public record Click(String code, Instant occurredAt, String referrerHost, String agentFamily) {
    }

    /** Never blocks: buffers the click, or drops it (counted) when the buffer is full. */
    public void publish(Click click) {
        if (pendingCount.incrementAndGet() > maxPending) {
            pendingCount.decrementAndGet();
            drop(1);
            return;
        }
        pending.add(click);
    }

    /** Fault injection: sends one event at once; {@code failFirstDelivery} makes the listener fail once after storing. */
    public void publishForTest(ClickEvent event, boolean failFirstDelivery) {
        try (JMSContext context = connectionFactory.createContext()) {
            context.createProducer().setProperty(ClickEventListener.FAIL_FIRST_DELIVERY, failFirstDelivery)
                    .send(clicks, event.toWire());
        }
    }

    void flush() {
        List<Click> batch = new ArrayList<>(EVENTS_PER_MESSAGE);
        Click click;
        while ((click = pending.poll()) != null) {
            pendingCount.decrementAndGet();
            batch.add(click);
            if (batch.size() == EVENTS_PER_MESSAGE) {
                send(batch);
                batch = new ArrayList<>(EVENTS_PER_MESSAGE);
            }
        }
        if (!batch.isEmpty()) {
            send(batch);
        }
    }

    private void send(List<Click> batch) {
        StringBuilder body = new StringBuilder(batch.size() * 96);
        Iterator<String> eventIds = eventIds(batch.size());
        for (Click c : batch) {
            body.append(new ClickEvent(eventIds.next(), c.code(), c.occurredAt(), c.referrerHost(), c.agentFamily())
                    .toWire()).append('\n');
        }
        try (JMSContext context = connectionFactory.createContext()) {
            context.createProducer().send(clicks, body.toString());
        } catch (RuntimeException e) {
            drop(batch.size());
            LOG.warning("could not send " + batch.size() + " click events: " + e.getMessage());
        }
    }

    /**
     * Event IDs for a batch: Snowflake IDs (one call for the whole batch) when the generator is up. They only need
     * to be unique, but time-ordered IDs land at the end of the raw-click table's primary key instead of at random
     * places in it — measured: the insert was most of the analytics cost with random UUIDs. Random UUIDs when the
     * generator is unavailable, so analytics never depend on it.
     */
    private Iterator<String> eventIds(int count) {
        List<String> result = new ArrayList<>(count);
        try {
            for (int done = 0; done < count; ) {
                long[] issued = ids.next(Math.min(count - done, ids.maxBatch()));
                for (long id : issued) {
                    result.add(Long.toString(id));
                }
                done += issued.length;
            }
        } catch (RuntimeException e) {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            while (result.size() < count) {
                result.add(new UUID(random.nextLong(), random.nextLong()).toString());
            }
        }
        return result.iterator();
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
