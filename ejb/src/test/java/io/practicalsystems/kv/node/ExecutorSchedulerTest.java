package io.practicalsystems.kv.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ExecutorSchedulerTest {

    /** Records what is scheduled and parks it a day away, so nothing runs during the test. */
    static final class RecordingExecutor extends ScheduledThreadPoolExecutor {
        final List<Long> delaysMillis = new ArrayList<>();
        final List<ScheduledFuture<?>> futures = new ArrayList<>();

        RecordingExecutor() {
            super(1);
        }

        @Override
        public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
            delaysMillis.add(unit.toMillis(delay));
            ScheduledFuture<?> future = super.schedule(command, 1, TimeUnit.DAYS);
            futures.add(future);
            return future;
        }
    }

    @Test
    void delegatesDelaysAndCancellationAndReadsTheGivenClock() {
        RecordingExecutor executor = new RecordingExecutor();
        Instant fixed = Instant.parse("2026-03-01T12:00:00Z");
        try {
            ExecutorScheduler scheduler = new ExecutorScheduler(executor, Clock.fixed(fixed, ZoneOffset.UTC));
            Scheduler.Cancellable task = scheduler.schedule(Duration.ofMillis(1500), () -> { });
            scheduler.schedule(Duration.ofMillis(-5), () -> { });
            task.cancel();

            assertThat(scheduler.now()).isEqualTo(fixed);
            assertThat(executor.delaysMillis).containsExactly(1500L, 0L);
            assertThat(executor.futures.get(0).isCancelled()).isTrue();
            assertThat(executor.futures.get(1).isCancelled()).isFalse();
        } finally {
            executor.shutdownNow();
        }
    }
}
