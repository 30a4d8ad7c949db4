package io.practicalsystems.kv.membership;

import io.practicalsystems.kv.ring.HashRing;
import io.practicalsystems.kv.ring.NodeId;
import java.util.Objects;

/**
 * One row of the gossiped member table: what a node says about itself, stamped with its version.
 *
 * <p>The version is {@code (generation, heartbeat)}. Only the member writes its own row (one writer per row, so
 * merging rows is a last-writer-wins register per node that needs no clocks): the generation is its incarnation,
 * chosen once at start (the start time in epoch milliseconds, so a restart always picks a larger one), and the
 * heartbeat counts up within the generation, once per gossip round and once per status change.
 *
 * @param id         the member
 * @param address    where to gossip with it and send it requests, e.g. {@code http://127.0.0.1:9081}
 * @param vnodes     its ring tokens
 * @param generation its incarnation; larger = more recent start
 * @param heartbeat  its version within the generation
 * @param status     its place in the cluster
 */
public record MemberInfo(NodeId id, String address, int vnodes, long generation, long heartbeat,
                         MemberStatus status) {

    public MemberInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        GossipEntry.requireValidAddress(address);
        if (vnodes < 1 || vnodes > HashRing.MAX_VNODES_PER_NODE) {
            throw new IllegalArgumentException("vnodes must be 1.." + HashRing.MAX_VNODES_PER_NODE + ", got "
                    + vnodes);
        }
        if (generation < 0 || heartbeat < 0) {
            throw new IllegalArgumentException("generation and heartbeat must be >= 0, got " + generation + " and "
                    + heartbeat);
        }
    }

    /**
     * The merge rule: whether this row replaces {@code known}, a row for the same member.
     * <ol>
     * <li>A higher generation wins: the node restarted, whatever the old incarnation's state (even LEFT).</li>
     * <li>Within a generation LEFT wins (sticky): once a member has left, or was removed by an operator, no
     * lagging copy with a higher heartbeat can put it back in the ring.</li>
     * <li>Otherwise the higher heartbeat wins; an equal version is not newer, so merging is idempotent.</li>
     * </ol>
     * This is a total order on versions, so a table reaches the same state whatever order rows arrive in.
     */
    public boolean supersedes(MemberInfo known) {
        if (!id.equals(known.id)) {
            throw new IllegalArgumentException("cannot compare rows of " + id + " and " + known.id);
        }
        if (generation != known.generation) {
            return generation > known.generation;
        }
        boolean left = status == MemberStatus.LEFT;
        boolean knownLeft = known.status == MemberStatus.LEFT;
        if (left != knownLeft) {
            return left;
        }
        return heartbeat > known.heartbeat;
    }

    MemberInfo nextHeartbeat() {
        return new MemberInfo(id, address, vnodes, generation, heartbeat + 1, status);
    }

    /** The member's own status change: a new heartbeat so the row is newer than every copy in the cluster. */
    MemberInfo withStatus(MemberStatus newStatus) {
        return new MemberInfo(id, address, vnodes, generation, heartbeat + 1, newStatus);
    }

    GossipEntry toEntry() {
        return new GossipEntry(id.value(), address, vnodes, generation, heartbeat, status.name());
    }

    static MemberInfo fromEntry(GossipEntry entry) {
        return new MemberInfo(NodeId.of(entry.node()), entry.address(), entry.vnodes(), entry.generation(),
                entry.heartbeat(), MemberStatus.valueOf(entry.status()));
    }
}
