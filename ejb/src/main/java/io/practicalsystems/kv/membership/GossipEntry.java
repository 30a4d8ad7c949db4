package io.practicalsystems.kv.membership;

import io.practicalsystems.kv.ring.HashRing;
import io.practicalsystems.kv.ring.NodeId;
import java.util.Arrays;

/**
 * A {@link MemberInfo} on the wire: strings and numbers only, so any JSON binding maps it without adapters. The
 * constructor validates everything, so a malformed message fails while it is parsed (the HTTP layer's 400) and
 * never reaches the member table.
 *
 * @param node       a valid {@link NodeId}
 * @param address    non-blank, at most 512 characters, no whitespace
 * @param vnodes     1..{@value HashRing#MAX_VNODES_PER_NODE}
 * @param generation >= 0
 * @param heartbeat  >= 0
 * @param status     a {@link MemberStatus} name
 */
public record GossipEntry(String node, String address, int vnodes, long generation, long heartbeat,
                          String status) {

    static final int MAX_ADDRESS_LENGTH = 512;

    public GossipEntry {
        NodeId.of(node);
        requireValidAddress(address);
        if (vnodes < 1 || vnodes > HashRing.MAX_VNODES_PER_NODE) {
            throw new IllegalArgumentException("vnodes must be 1.." + HashRing.MAX_VNODES_PER_NODE + ", got "
                    + vnodes);
        }
        if (generation < 0 || heartbeat < 0) {
            throw new IllegalArgumentException("generation and heartbeat must be >= 0, got " + generation + " and "
                    + heartbeat);
        }
        if (status == null || Arrays.stream(MemberStatus.values()).noneMatch(s -> s.name().equals(status))) {
            throw new IllegalArgumentException("status must be one of " + Arrays.toString(MemberStatus.values())
                    + ", got " + status);
        }
    }

    static String requireValidAddress(String address) {
        if (address == null || address.isBlank() || address.length() > MAX_ADDRESS_LENGTH
                || address.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("address must be 1.." + MAX_ADDRESS_LENGTH
                    + " characters without whitespace, got " + (address == null ? "null" : "'" + address + "'"));
        }
        return address;
    }
}
