package io.practicalsystems.kv.membership;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs gossip rounds of one {@link GossipMembership} over a {@link GossipTransport}: the service schedules
 * {@link #runRound()} every gossip interval (e.g. one second), the simulation calls it from virtual time. The
 * clock is injected so replies are stamped with the time they arrive, virtual or real.
 */
public final class Gossiper {

    private static final System.Logger LOG = System.getLogger(Gossiper.class.getName());

    private final GossipMembership membership;
    private final GossipTransport transport;
    private final Clock clock;
    private final AtomicLong failedExchanges = new AtomicLong();

    public Gossiper(GossipMembership membership, GossipTransport transport, Clock clock) {
        this.membership = Objects.requireNonNull(membership, "membership");
        this.transport = Objects.requireNonNull(transport, "transport");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Ticks the membership and exchanges tables with this round's targets. The future completes when every
     * exchange has been answered or has failed, and never fails itself: a lost exchange is simply missing
     * heartbeats, which is what the failure detector is for.
     */
    public CompletableFuture<Void> runRound() {
        List<String> targets = membership.tick(clock.instant());
        if (targets.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        GossipMessage message = membership.gossipMessage();
        return CompletableFuture.allOf(targets.stream()
                .map(address -> exchange(address, message))
                .toArray(CompletableFuture[]::new));
    }

    /** Exchanges that failed (no answer, or an answer that could not be merged), for a metric. */
    public long failedExchanges() {
        return failedExchanges.get();
    }

    private CompletableFuture<Void> exchange(String address, GossipMessage message) {
        CompletableFuture<GossipMessage> reply;
        try {
            reply = transport.exchange(address, message);
        } catch (RuntimeException e) {
            reply = CompletableFuture.failedFuture(e);
        }
        return reply.handle((answer, failure) -> {
            Throwable problem = failure;
            if (problem == null) {
                try {
                    membership.onReply(answer, clock.instant());
                    return null;
                } catch (RuntimeException e) {
                    problem = e;
                }
            }
            failedExchanges.incrementAndGet();
            String reason = String.valueOf(problem);
            LOG.log(System.Logger.Level.DEBUG, () -> "gossip with " + address + " failed: " + reason);
            return null;
        });
    }
}
