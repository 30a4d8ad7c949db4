package io.practicalsystems.feed.application;

import io.practicalsystems.feed.fanout.DeliveryMode;
import io.practicalsystems.feed.fanout.PublishedPost;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Queue;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The messages on queue {@code feed.fanout} ({@code jms/feedFanout}), consumed by {@code FanoutListener}: a post to
 * fan out ({@code publish}), one batch of its recipients ({@code push}, when a fanout is split so no message holds
 * more than a batch of followers), or a deleted post to remove from every feed ({@code delete}). Sent inside the
 * caller's transaction when there is one (the listener's: its batch messages go out only if it commits).
 */
@ApplicationScoped
public class FanoutMessages {

    public static final String KIND = "kind";
    public static final String PUBLISH = "publish";
    public static final String PUSH = "push";
    public static final String DELETE = "delete";
    /** Test-only (honoured with ps.feed.fault-injection.enabled): the listener fails the first delivery. */
    public static final String FAIL_FIRST_DELIVERY = "feedFailFirstDelivery";

    @Resource(lookup = "jms/platformCF")
    ConnectionFactory connectionFactory;

    @Resource(lookup = "jms/feedFanout")
    Queue queue;

    public void publish(PublishedPost post, boolean failFirstDelivery) {
        send(PUBLISH, post, null, failFirstDelivery);
    }

    /** One {@code push} message per batch; none at all (no connection either) for no batches. */
    public void push(PublishedPost post, List<List<Long>> batches) {
        if (batches.isEmpty()) {
            return;
        }
        try (JMSContext context = connectionFactory.createContext()) {
            for (List<Long> batch : batches) {
                context.createProducer().send(queue, message(context, PUSH, post, batch, false));
            }
        }
    }

    public void delete(PublishedPost post) {
        send(DELETE, post, null, false);
    }

    private void send(String kind, PublishedPost post, List<Long> recipients, boolean failFirst) {
        try (JMSContext context = connectionFactory.createContext()) {
            context.createProducer().send(queue, message(context, kind, post, recipients, failFirst));
        }
    }

    private static MapMessage message(JMSContext context, String kind, PublishedPost post, List<Long> recipients,
                                      boolean failFirst) {
        try {
            MapMessage m = context.createMapMessage();
            m.setString(KIND, kind);
            m.setLong("postId", post.postId());
            m.setLong("authorId", post.authorId());
            m.setString("mode", post.mode().name());
            if (recipients != null) {
                m.setString("recipients", recipients.stream().map(String::valueOf).collect(Collectors.joining(",")));
            }
            if (failFirst) {
                m.setBooleanProperty(FAIL_FIRST_DELIVERY, true);
            }
            return m;
        } catch (JMSException e) {
            throw new IllegalStateException("could not build a fanout message: " + e.getMessage(), e);
        }
    }

    /** The post a message is about. */
    public static PublishedPost post(MapMessage m) throws JMSException {
        return new PublishedPost(m.getLong("postId"), m.getLong("authorId"), DeliveryMode.valueOf(m.getString("mode")));
    }

    /** A push message's recipients. */
    public static List<Long> recipients(MapMessage m) throws JMSException {
        String raw = m.getString("recipients");
        List<Long> ids = new ArrayList<>();
        if (raw != null && !raw.isEmpty()) {
            for (String part : raw.split(",")) {
                ids.add(Long.parseLong(part));
            }
        }
        return ids;
    }
}
