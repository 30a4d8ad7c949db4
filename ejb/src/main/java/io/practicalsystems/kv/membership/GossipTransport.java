package io.practicalsystems.kv.membership;

import java.util.concurrent.CompletableFuture;

/**
 * Sends one gossip message to the node at an address and returns its reply: the seam for the HTTP layer (a POST
 * whose response body is the reply) and for simulations. The future fails when the node does not answer in time;
 * gossip retries by itself next round, so implementations need no retries.
 */
@FunctionalInterface
public interface GossipTransport {

    /**
     * @param address e.g. {@code http://127.0.0.1:9081}, as in a {@link MemberInfo} or the seed list
     * @param message the sender's table ({@link GossipMembership#gossipMessage()})
     * @return the receiver's {@link GossipMembership#onGossip} answer
     */
    CompletableFuture<GossipMessage> exchange(String address, GossipMessage message);
}
