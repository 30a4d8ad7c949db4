package io.practicalsystems.feed.fanout;

import java.util.List;
import java.util.Objects;

/**
 * What the fanout of one post does.
 *
 * @param recipients      the followers whose home feeds get the post's ID, each once, in the order given; empty for
 *                        a {@link DeliveryMode#PULL} post
 * @param skippedInactive followers left out because they were inactive (their next read rebuilds their feed)
 */
public record FanoutPlan(PublishedPost post, List<Long> recipients, int skippedInactive) {

    public FanoutPlan {
        Objects.requireNonNull(post, "post");
        recipients = List.copyOf(recipients);
    }
}
