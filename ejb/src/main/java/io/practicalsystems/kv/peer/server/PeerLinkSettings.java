package io.practicalsystems.kv.peer.server;

import java.time.Duration;

/**
 * Bounds on what an unauthenticated or idle caller may hold, and on an HTTP call's clock.
 *
 * @param authTimeout     a WebSocket link that has not completed its handshake by then is closed (1008)
 * @param idleTimeout     an authenticated link with no frame (not even a ping) for this long is closed
 * @param maxClockSkew    how far an HTTP call's signed time may be from this node's clock, either way
 * @param maxMessageBytes the largest frame or HTTP body an authenticated peer may send
 */
public record PeerLinkSettings(Duration authTimeout, Duration idleTimeout, Duration maxClockSkew,
        int maxMessageBytes) {

    /** The largest frame before the handshake: a hello is under 300 bytes. */
    public static final int UNAUTHENTICATED_MAX_BYTES = 1024;

    public PeerLinkSettings {
        if (authTimeout.isNegative() || authTimeout.isZero() || idleTimeout.isNegative() || idleTimeout.isZero()
                || maxClockSkew.isNegative() || maxMessageBytes < UNAUTHENTICATED_MAX_BYTES) {
            throw new IllegalArgumentException("peer link limits must be positive: " + this);
        }
    }
}
