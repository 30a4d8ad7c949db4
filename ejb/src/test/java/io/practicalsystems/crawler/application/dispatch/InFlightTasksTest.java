package io.practicalsystems.crawler.application.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

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
}
