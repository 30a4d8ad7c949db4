package io.practicalsystems.crawler.application.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.exceptions.JedisConnectionException;

class OutageWaitTest {

    private final AtomicLong now = new AtomicLong(1_000);
    private final List<Long> pauses = new ArrayList<>();
    private final OutageWait outage = new OutageWait(now::get, millis -> {
        pauses.add(millis);
        now.addAndGet(millis);
    });

    @Test
    void anActionThatSucceedsRunsOnceWithoutPausing() {
        AtomicInteger calls = new AtomicInteger();
        assertThat(outage.call("x", 2_000, () -> calls.incrementAndGet())).isEqualTo(1);
        assertThat(pauses).isEmpty();
    }

    @Test
    void failuresAreRetriedWithDoublingPausesUntilTheActionSucceeds() {
        AtomicInteger calls = new AtomicInteger();
        String result = outage.call("x", 60_000, () -> {
            if (calls.incrementAndGet() <= 6) {
                throw new JedisConnectionException("Connection refused");
            }
            return "done";
        });
        assertThat(result).isEqualTo("done");
        assertThat(calls).hasValue(7);
        assertThat(pauses).containsExactly(50L, 100L, 200L, 400L, 800L, 1_000L);
    }

    @Test
    void atTheLeaseEndTheLastFailureGoesToTheCaller() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> outage.call("x", 1_500, () -> {
            throw new JedisConnectionException("down #" + calls.incrementAndGet());
        })).isInstanceOf(JedisConnectionException.class).hasMessage("down #" + calls.get());
        assertThat(now.get()).isEqualTo(1_500); // the last pause is cut to what is left of the lease
        assertThat(pauses).containsExactly(50L, 100L, 200L, 150L);
    }

    @Test
    void aLeaseAlreadyOverMeansOneTryOnly() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> outage.call("x", 1_000, () -> {
            calls.incrementAndGet();
            throw new IllegalStateException("store down");
        })).hasMessage("store down");
        assertThat(calls).hasValue(1);
        assertThat(pauses).isEmpty();
    }

    @Test
    void anInterruptedWaitGivesUpAndKeepsTheInterrupt() {
        OutageWait interrupted = new OutageWait(now::get, millis -> {
            throw new InterruptedException();
        });
        try {
            assertThatThrownBy(() -> interrupted.call("x", 60_000, () -> {
                throw new JedisConnectionException("down");
            })).isInstanceOf(JedisConnectionException.class);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }
}
