package io.practicalsystems.kv.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.practicalsystems.kv.sim.SimScheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class PeriodicTaskTest {

    final SimScheduler time = new SimScheduler();
    final NodeCounters counters = new NodeCounters();

    @Test
    void theNextRoundIsScheduledOnlyAfterTheCurrentOneFinished() {
        List<Long> starts = new ArrayList<>();
        List<CompletableFuture<Void>> rounds = new ArrayList<>();
        PeriodicTask.start(time.forNode(() -> true), Duration.ofMillis(10), () -> {
            starts.add(time.nowMillis());
            CompletableFuture<Void> round = new CompletableFuture<>();
            rounds.add(round);
            return round;
        }, counters);

        time.runUntil(100);
        assertThat(starts).containsExactly(10L); // still running: no second round

        rounds.get(0).complete(null);
        time.runUntil(125);
        assertThat(starts).containsExactly(10L, 110L);
    }

    @Test
    void aFailingOrThrowingRoundIsCountedAndTheScheduleGoesOn() {
        int[] calls = {0};
        PeriodicTask.start(time.forNode(() -> true), Duration.ofMillis(10), () -> {
            calls[0]++;
            if (calls[0] == 1) {
                throw new IllegalStateException("boom");
            }
            return CompletableFuture.failedFuture(new IllegalStateException("bust"));
        }, counters);

        time.runUntil(35);

        assertThat(calls[0]).isEqualTo(3);
        assertThat(counters.get(NodeCounters.MAINTENANCE_ERRORS)).isEqualTo(3);
    }

    @Test
    void cancelStopsFurtherRounds() {
        int[] calls = {0};
        PeriodicTask task = PeriodicTask.start(time.forNode(() -> true), Duration.ofMillis(10), () -> {
            calls[0]++;
            return CompletableFuture.completedFuture(null);
        }, counters);
        time.runUntil(25);
        task.cancel();
        time.runUntil(100);
        assertThat(calls[0]).isEqualTo(2);
    }
}
