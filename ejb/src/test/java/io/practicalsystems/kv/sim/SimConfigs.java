package io.practicalsystems.kv.sim;

import io.practicalsystems.kv.coordinator.QuorumConfig;
import io.practicalsystems.kv.coordinator.QuorumMode;
import io.practicalsystems.kv.node.KvNodeConfig;
import java.time.Duration;

/** Node settings scaled to virtual milliseconds, so maintenance happens many times within a short simulation. */
public final class SimConfigs {

    private SimConfigs() {
    }

    public static KvNodeConfig fast(QuorumMode mode) {
        return new KvNodeConfig(new QuorumConfig(3, 2, 2, mode), Duration.ofMillis(50), Duration.ofMillis(40), 4,
                Duration.ofMillis(50), Duration.ofMillis(200), Duration.ofSeconds(1), Duration.ofDays(1), 1000, 16);
    }

    /** Maintenance so rare it never runs within a test: only the request paths act. */
    public static KvNodeConfig quiet(QuorumMode mode) {
        Duration never = Duration.ofDays(365);
        return new KvNodeConfig(new QuorumConfig(3, 2, 2, mode), never, never, 4, never, never, never,
                Duration.ofDays(1), 1000, 16);
    }
}
