package io.practicalsystems.kv.membership;

import io.practicalsystems.kv.ring.HashRing;
import io.practicalsystems.kv.ring.NodeId;
import java.util.List;
import java.util.Objects;

/**
 * A node's fixed membership settings.
 *
 * @param self     this node's ID
 * @param address  where others reach it, e.g. {@code http://127.0.0.1:9081}
 * @param vnodes   its ring tokens, 1..{@value HashRing#MAX_VNODES_PER_NODE}
 * @param seeds    addresses to gossip with when it knows nobody, and now and then afterwards so separated groups
 *                 find each other again; may include its own address (ignored), may be empty for a lone node
 * @param detector failure detector settings, including the suspect and dead phi thresholds
 */
public record GossipConfig(NodeId self, String address, int vnodes, List<String> seeds,
                           PhiAccrualFailureDetector.Settings detector) {

    public GossipConfig {
        Objects.requireNonNull(self, "self");
        GossipEntry.requireValidAddress(address);
        if (vnodes < 1 || vnodes > HashRing.MAX_VNODES_PER_NODE) {
            throw new IllegalArgumentException("vnodes must be 1.." + HashRing.MAX_VNODES_PER_NODE + ", got "
                    + vnodes);
        }
        seeds = List.copyOf(seeds);
        seeds.forEach(GossipEntry::requireValidAddress);
        Objects.requireNonNull(detector, "detector");
    }

    /** With the {@linkplain PhiAccrualFailureDetector.Settings#defaults() default detector settings}. */
    public static GossipConfig of(NodeId self, String address, int vnodes, List<String> seeds) {
        return new GossipConfig(self, address, vnodes, seeds, PhiAccrualFailureDetector.Settings.defaults());
    }
}
