package io.practicalsystems.shortener.application.clicks;

import io.practicalsystems.idgen.application.IdGeneratorService;
import io.practicalsystems.shortener.ClickAggregate;
import io.practicalsystems.shortener.ClickAggregator;
import io.practicalsystems.shortener.DailyStat;
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
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Gets clicks to the {@code shortener.clicks} queue without the redirect ever waiting: {@link #count} only adds one
 * to an in-memory counter per (code, day, referrer host, agent family) ({@link ClickAggregator}); every
 * {@code ps.shortener.clicks.flush.ms} (default 1,000 ms) a flusher sends the counters as one {@link ClickAggregate}
 * — one persistent JMS message per flush, whatever the number of clicks. Counting at the edge is what makes
 * analytics cheap enough to run on every redirect: a click costs a map update, not an event encoded, sent, decoded
 * and stored.
 *
 * <p>Trade-offs, the dropped ones counted in {@link #dropped()}: a crash (kill -9, power loss) loses at most the
 * clicks of one flush window, those counted but not yet sent (a clean shutdown sends them: {@link #stopFlusher});
 * when messaging is down the flush's clicks are shed, and beyond {@code ps.shortener.clicks.max-pending} distinct
 * counters between two flushes new ones are refused, rather than slowing redirects or growing without bound.
 */
@ApplicationScoped
public class ClickPublisher {

    private static final Logger LOG = Logger.getLogger(ClickPublisher.class.getName());
    /** Bounds a message (~50 bytes a count) and the consumer's transaction; a flush rarely has this many counters. */
    static final int COUNTS_PER_MESSAGE = 10_000;

    @Resource(lookup = "jms/platformCF")
    ConnectionFactory connectionFactory;

    @Resource(lookup = "jms/shortenerClicks")
    Queue clicks;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    @ConfigProperty(name = "ps.shortener.clicks.flush.ms", defaultValue = "1000")
    long flushMillis;

    @Inject
    @ConfigProperty(name = "ps.shortener.clicks.max-pending", defaultValue = "100000")
    int maxPending;

    @EJB
    IdGeneratorService ids;

    private ClickAggregator counters;
    private final AtomicLong dropped = new AtomicLong();
    private ScheduledFuture<?> flusher;

    @PostConstruct
    void startFlusher() {
        counters = new ClickAggregator(maxPending);
        flusher = scheduler.scheduleWithFixedDelay(this::flush, flushMillis, flushMillis, TimeUnit.MILLISECONDS);
    }

    /** A clean shutdown sends what was counted since the last flush: only a crash loses a flush window. */
    @PreDestroy
    void stopFlusher() {
        if (flusher != null) {
            flusher.cancel(false);
        }
        flush();
    }

    /** Never blocks: counts the click, or drops it (counted) when there are too many distinct counters. */
    public void count(String code, long epochMilli, String referrerHost, String agentFamily) {
        if (!counters.count(code, epochMilli, referrerHost, agentFamily)) {
            drop(1);
        }
    }

    /** Fault injection: sends one aggregate as given; {@code failFirstDelivery} makes the listener fail once after storing. */
    public void publishForTest(ClickAggregate aggregate, boolean failFirstDelivery) {
        try (JMSContext context = connectionFactory.createContext()) {
            context.createProducer().setProperty(ClickEventListener.FAIL_FIRST_DELIVERY, failFirstDelivery)
                    .send(clicks, aggregate.toWire());
        }
    }

    void flush() {
        List<DailyStat> counts = counters.drain();
        for (int from = 0; from < counts.size(); from += COUNTS_PER_MESSAGE) {
            send(new ClickAggregate(aggregateId(), counts.subList(from, Math.min(counts.size(), from + COUNTS_PER_MESSAGE))));
        }
    }

    private void send(ClickAggregate aggregate) {
        try (JMSContext context = connectionFactory.createContext()) {
            context.createProducer().send(clicks, aggregate.toWire());
        } catch (RuntimeException e) {
            drop(aggregate.clicks());
            LOG.warning("could not send " + aggregate.clicks() + " clicks: " + e.getMessage());
        }
    }

    /**
     * Unique per flush: a Snowflake ID when the generator is up, else 128 random bits, so analytics never depend on
     * the generator. The consumer stores it, so a redelivered aggregate is recognised.
     */
    private String aggregateId() {
        try {
            return Long.toString(ids.next());
        } catch (RuntimeException e) {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            return "u" + Long.toUnsignedString(random.nextLong(), 36) + Long.toUnsignedString(random.nextLong(), 36);
        }
    }

    private void drop(long clicks) {
        long before = dropped.getAndAdd(clicks);
        if (Long.numberOfLeadingZeros(before) != Long.numberOfLeadingZeros(before + clicks)) { // crossed a power of 2
            LOG.warning("clicks dropped so far: " + (before + clicks) + " (too many distinct counters or messaging down)");
        }
    }

    public long dropped() {
        return dropped.get();
    }
}
