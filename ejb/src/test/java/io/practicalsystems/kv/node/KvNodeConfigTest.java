package io.practicalsystems.kv.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.practicalsystems.kv.coordinator.QuorumConfig;
import io.practicalsystems.kv.coordinator.QuorumMode;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class KvNodeConfigTest {

    static final QuorumConfig Q = new QuorumConfig(3, 2, 2, QuorumMode.SLOPPY);

    @Test
    void defaultsAreValidAndKeepTheQuorum() {
        KvNodeConfig config = KvNodeConfig.defaults(Q);
        assertThat(config.quorum()).isEqualTo(Q);
        assertThat(config.tombstoneGrace()).isGreaterThan(config.antiEntropyInterval());
        assertThat(config.withTombstoneGrace(Duration.ZERO).tombstoneGrace()).isZero();
        assertThat(config.antiEntropyKeysPerSecond()).isEqualTo(KvNodeConfig.DEFAULT_ANTI_ENTROPY_KEYS_PER_SECOND);
        assertThat(config.withQuorum(Q).withReadFanout(config.readFanout()).withTombstoneGrace(Duration.ZERO)
                .antiEntropyKeysPerSecond()).as("the withers keep the pace").isEqualTo(5_000);
    }

    @Test
    void rejectsNonPositiveIntervalsAndOutOfRangeSizes() {
        KvNodeConfig ok = KvNodeConfig.defaults(Q);
        assertThatThrownBy(() -> new KvNodeConfig(Q, Duration.ZERO, ok.antiEntropyInterval(), 10,
                ok.ringCheckInterval(), ok.handoffInterval(), ok.gcInterval(), ok.tombstoneGrace(), 10, 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hintDeliveryInterval");
        assertThatThrownBy(() -> new KvNodeConfig(Q, ok.hintDeliveryInterval(), ok.antiEntropyInterval(), 17,
                ok.ringCheckInterval(), ok.handoffInterval(), ok.gcInterval(), ok.tombstoneGrace(), 10, 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("merkleDepth");
        assertThatThrownBy(() -> ok.withTombstoneGrace(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tombstoneGrace");
        assertThatThrownBy(() -> new KvNodeConfig(Q, ok.hintDeliveryInterval(), ok.antiEntropyInterval(), 10,
                ok.ringCheckInterval(), ok.handoffInterval(), ok.gcInterval(), ok.tombstoneGrace(), 0, 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxHintsPerTarget");
        assertThatThrownBy(() -> ok.withAntiEntropyKeysPerSecond(-1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("antiEntropyKeysPerSecond");
    }
}
