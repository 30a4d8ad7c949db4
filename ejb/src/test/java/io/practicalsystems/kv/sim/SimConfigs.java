package io.practicalsystems.kv.sim;

import io.practicalsystems.kv.coordinator.QuorumConfig;
import io.practicalsystems.kv.coordinator.QuorumMode;
import io.practicalsystems.kv.node.KvNodeConfig;
import java.time.Duration;

/** Node settings scaled to virtual milliseconds, so maintenance happens many times within a short simulation. */
public final class SimConfigs {

    private SimConfigs() {
    }

    /** Maintenance every 50 ms; an anti-entropy pass (every range with every peer) every 500 ms. */
    public static KvNodeConfig fast(QuorumMode mode) {
        return new KvNodeConfig(new QuorumConfig(3, 2, 2, mode), Duration.ofMillis(50), Duration.ofMillis(500), 4,
                Duration.ofMillis(50), Duration.ofMillis(200), Duration.ofSeconds(1), Duration.ofDays(1), 1000, 16);
    }

    /**
     * Only the named maintenance runs (every 50 ms; hand-off sweeps every 200 ms), so a test can show which
     * mechanism repaired what.
     */
    public static KvNodeConfig only(QuorumMode mode, boolean hints, boolean antiEntropy, boolean ringMoves,
            boolean handoffSweep) {
        Duration never = Duration.ofDays(365);
        Duration often = Duration.ofMillis(50);
        return new KvNodeConfig(new QuorumConfig(3, 2, 2, mode), hints ? often : never, antiEntropy ? often : never,
                4, ringMoves ? often : never, handoffSweep ? Duration.ofMillis(200) : never, never,
                Duration.ofDays(1), 1000, 16);
    }

    /** Maintenance so rare it never runs within a test: only the request paths act. */
    public static KvNodeConfig quiet(QuorumMode mode) {
        Duration never = Duration.ofDays(365);
        return new KvNodeConfig(new QuorumConfig(3, 2, 2, mode), never, never, 4, never, never, never,
                Duration.ofDays(1), 1000, 16);
    }
}
