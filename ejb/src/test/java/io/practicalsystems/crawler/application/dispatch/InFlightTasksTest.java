package io.practicalsystems.crawler.application.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class InFlightTasksTest {

    private final AtomicLong now = new AtomicLong(1_000);
    private final InFlightTasks tasks = new InFlightTasks(3, now::get);

    @Test
    void capacityIsTheBoundLessTheUnfinishedTasksOfAllCrawls() {
        tasks.dispatched("c1", "1", 60_000);
        tasks.dispatched("c2", "1", 60_000);

        assertThat(tasks.capacity()).isEqualTo(1);
        tasks.dispatched("c1", "2", 60_000);
        assertThat(tasks.capacity()).isZero();
        tasks.finished("c2", "1");
        assertThat(tasks.capacity()).isEqualTo(1);
    }

    @Test
    void aTaskWhoseLeaseExpiredNoLongerHoldsCapacity() {
        tasks.dispatched("c1", "1", 500);
        tasks.dispatched("c1", "2", 900);

        now.addAndGet(500);
        assertThat(tasks.capacity()).isEqualTo(2);
        now.addAndGet(400);
        assertThat(tasks.capacity()).isEqualTo(3);
    }

    @Test
    void awaitingCapacityReturnsWhenATaskFinishesNotWhenTheWaitRunsOut() throws Exception {
        for (String token : List.of("1", "2", "3")) {
            tasks.dispatched("c1", token, 60_000);
        }
        assertThat(tasks.awaitCapacity(1)).as("still full when the wait ran out").isZero();
        ExecutorService waiter = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> waited = waiter.submit(() -> tasks.awaitCapacity(600_000));
            tasks.finished("c1", "2");

            assertThat(waited.get(60, TimeUnit.SECONDS)).as("woken by the finish, long before its 10 minutes")
                    .isEqualTo(1);
            assertThat(tasks.awaitCapacity(600_000)).as("capacity already there: no wait").isEqualTo(1);
        } finally {
            waiter.shutdownNow();
        }
    }
}
