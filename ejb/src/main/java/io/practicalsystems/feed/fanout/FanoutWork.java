package io.practicalsystems.feed.fanout;

import java.util.List;

/**
 * A PUSH fanout's batches divided between the publish listener and the queue: {@code inline} are pushed by the
 * listener itself, at once; {@code queued} go back to the queue, one message per batch. Joined in order they are the
 * plan's batches.
 */
public record FanoutWork(List<List<Long>> inline, List<List<Long>> queued) {

    public FanoutWork {
        inline = List.copyOf(inline);
        queued = List.copyOf(queued);
    }
}
