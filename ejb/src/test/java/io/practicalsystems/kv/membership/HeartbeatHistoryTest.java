package io.practicalsystems.kv.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HeartbeatHistoryTest {

    @Test
    void meanAndPopulationVarianceOfTheWindow() {
        HeartbeatHistory history = new HeartbeatHistory(10);
        history.add(2);
        history.add(4);
        history.add(4);
        history.add(4);
        history.add(5);
        history.add(5);
        history.add(7);
        history.add(9);

        assertThat(history.mean()).isEqualTo(5.0);
        assertThat(history.variance()).isEqualTo(4.0);
        assertThat(history.standardDeviation()).isEqualTo(2.0);
    }

    @Test
    void aFullWindowForgetsTheOldestSample() {
        HeartbeatHistory history = new HeartbeatHistory(2);
        history.add(1000);
        history.add(10);
        history.add(20);

        assertThat(history.size()).isEqualTo(2);
        assertThat(history.mean()).isEqualTo(15.0);
        assertThat(history.variance()).isEqualTo(25.0);
    }

    @Test
    void anEmptyWindowHasNoMean() {
        assertThatThrownBy(() -> new HeartbeatHistory(3).mean()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new HeartbeatHistory(3).add(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
