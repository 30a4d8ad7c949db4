package io.practicalsystems.kv.sim;

import io.practicalsystems.kv.ring.NodeId;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * A seeded network between simulated nodes: every request and every reply takes a random delay, may be dropped, and
 * is lost if the pair is partitioned or the receiving incarnation has died. The caller's future times out after
 * {@code timeoutMillis} of virtual time, as an HTTP client's would; a late reply is then ignored. Values cross by
 * reference (they are immutable), exceptions as they are (the HTTP layer maps them to status codes and back).
 */
public final class SimNetwork {

    private final SimScheduler scheduler;
    private final Random random;
    private final Map<NodeId, Incarnation> current = new HashMap<>();
    private final TreeSet<String> cutLinks = new TreeSet<>();
    private long minDelayMillis = 1;
    private long maxDelayMillis = 10;
    private long timeoutMillis = 100;
    private double dropRate;
    private long sent;
    private long lost;

    public SimNetwork(SimScheduler scheduler, Random random) {
        this.scheduler = scheduler;
        this.random = random;
    }

    public SimNetwork delays(long minMillis, long maxMillis) {
        this.minDelayMillis = minMillis;
        this.maxDelayMillis = maxMillis;
        return this;
    }

    public SimNetwork timeout(long millis) {
        this.timeoutMillis = millis;
        return this;
    }

    public SimNetwork dropRate(double rate) {
        this.dropRate = rate;
        return this;
    }

    void register(Incarnation incarnation) {
        current.put(incarnation.id(), incarnation);
    }

    void unregister(NodeId node) {
        current.remove(node);
    }

    public void cut(NodeId a, NodeId b) {
        cutLinks.add(link(a, b));
    }

    public void heal() {
        cutLinks.clear();
    }

    public boolean connected(NodeId a, NodeId b) {
        return a.equals(b) || !cutLinks.contains(link(a, b));
    }

    public long sent() {
        return sent;
    }

    public long lost() {
        return lost;
    }

    private static String link(NodeId a, NodeId b) {
        return a.compareTo(b) < 0 ? a + "|" + b : b + "|" + a;
    }

    /**
     * Sends a request from {@code from} to whatever incarnation of {@code to} is up when it arrives, which answers by
     * {@code handler}.
     */
    public <T> CompletableFuture<T> call(Incarnation from, NodeId to,
            Function<Incarnation, CompletableFuture<T>> handler) {
        CompletableFuture<T> reply = new CompletableFuture<>();
        if (!from.alive()) {
            return reply; // a dead process sends nothing and hears nothing
        }
        sent++;
        scheduler.after(timeoutMillis, () -> {
            if (from.alive()) { // a dead process runs no timeout handlers either
                reply.completeExceptionally(
                        new TimeoutException("no answer from " + to + " within " + timeoutMillis + " ms"));
            }
        });
        if (!deliverable(from.id(), to)) {
            return reply;
        }
        scheduler.after(delay(), () -> {
            Incarnation target = current.get(to);
            if (target == null || !target.alive() || !connected(from.id(), to)) {
                lost++;
                return;
            }
            CompletableFuture<T> answer;
            try {
                answer = handler.apply(target);
            } catch (RuntimeException e) {
                answer = CompletableFuture.failedFuture(e);
            }
            answer.whenComplete((value, error) -> {
                if (!target.alive() || !deliverable(to, from.id())) {
                    return;
                }
                scheduler.after(delay(), () -> {
                    if (!from.alive() || !connected(from.id(), to)) {
                        lost++;
                        return;
                    }
                    if (error == null) {
                        reply.complete(value);
                    } else {
                        reply.completeExceptionally(error instanceof CompletionException && error.getCause() != null
                                ? error.getCause() : error);
                    }
                });
            });
        });
        return reply;
    }

    private boolean deliverable(NodeId from, NodeId to) {
        if (!connected(from, to) || (dropRate > 0 && random.nextDouble() < dropRate)) {
            lost++;
            return false;
        }
        return true;
    }

    private long delay() {
        long spread = maxDelayMillis - minDelayMillis;
        long base = minDelayMillis + (spread > 0 ? random.nextLong(spread + 1) : 0);
        // A slow tail: one message in twenty takes up to three times the usual maximum.
        return random.nextInt(20) == 0 ? base + random.nextLong(2 * maxDelayMillis + 1) : base;
    }
}
