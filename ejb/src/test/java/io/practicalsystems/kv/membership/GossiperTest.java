package io.practicalsystems.kv.membership;

import static org.assertj.core.api.Assertions.assertThat;

import io.practicalsystems.kv.ring.NodeId;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class GossiperTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);
    private static final String ADDRESS_A = "http://127.0.0.1:9081";
    private static final String ADDRESS_B = "http://127.0.0.1:9082";

    private static GossipMembership node(String id, String address, List<String> seeds) {
        return GossipMembership.start(GossipConfig.of(NodeId.of(id), address, 8, seeds), T0.minusSeconds(1),
                new Random(1));
    }

    @Test
    void aRoundSendsOurTableToTheSeedAndMergesTheReply() {
        GossipMembership a = node("a", ADDRESS_A, List.of(ADDRESS_B));
        GossipMembership b = node("b", ADDRESS_B, List.of(ADDRESS_B));
        List<String> sentTo = new ArrayList<>();
        Gossiper gossiper = new Gossiper(a, (address, message) -> {
            sentTo.add(address);
            return CompletableFuture.completedFuture(b.onGossip(message, T0));
        }, CLOCK);

        CompletableFuture<Void> round = gossiper.runRound();

        assertThat(round).isCompleted();
        assertThat(sentTo).containsExactly(ADDRESS_B);
        assertThat(a.ring().nodes()).containsExactly(NodeId.of("a"), NodeId.of("b"));
        assertThat(b.ring().nodes()).containsExactly(NodeId.of("a"), NodeId.of("b"));
        assertThat(b.members().get(NodeId.of("a")).heartbeat()).isEqualTo(1); // ticked before sending
        assertThat(gossiper.failedExchanges()).isZero();
    }

    @Test
    void failedAndThrowingExchangesAreCountedAndTheRoundStillCompletes() {
        GossipMembership a = node("a", ADDRESS_A, List.of(ADDRESS_B));
        CompletableFuture<GossipMessage> pending = new CompletableFuture<>();
        Gossiper failing = new Gossiper(a, (address, message) -> pending, CLOCK);
        Gossiper throwing = new Gossiper(a, (address, message) -> {
            throw new IllegalStateException("connection refused");
        }, CLOCK);

        CompletableFuture<Void> round = failing.runRound();
        assertThat(round).isNotDone();
        pending.completeExceptionally(new IllegalStateException("timeout"));

        assertThat(round).isCompleted();
        assertThat(failing.failedExchanges()).isEqualTo(1);
        assertThat(throwing.runRound()).isCompleted();
        assertThat(throwing.failedExchanges()).isEqualTo(1);
    }

    @Test
    void aLoneNodeSendsNothing() {
        GossipMembership alone = node("a", ADDRESS_A, List.of(ADDRESS_A));
        Gossiper gossiper = new Gossiper(alone, (address, message) -> {
            throw new AssertionError("nobody to talk to");
        }, CLOCK);

        assertThat(gossiper.runRound()).isCompleted();
        assertThat(alone.members().get(NodeId.of("a")).heartbeat()).isEqualTo(1);
    }
}
