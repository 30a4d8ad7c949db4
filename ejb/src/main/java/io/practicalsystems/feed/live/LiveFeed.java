package io.practicalsystems.feed.live;

import io.practicalsystems.feed.application.FeedCache;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import redis.clients.jedis.JedisPubSub;
import redis.clients.jedis.UnifiedJedis;

/**
 * New home-timeline items, live, across servers. Every fanout announces on one Redis pub/sub channel (a pushed
 * batch's announcement is published by the batch's own script call, see FanoutService); each server
 * that has connected readers subscribes and hands each announcement to its own readers it concerns (a pushed post
 * to its recipients, a PULL post to whoever follows the author). So a post fanned out on one server reaches a reader
 * connected to another. Pub/sub is fire-and-forget: a reader who was not connected reads the timeline instead.
 */
@ApplicationScoped
public class LiveFeed {

    private static final Logger LOG = Logger.getLogger(LiveFeed.class.getName());
    private static final long SUBSCRIBE_WAIT_SECONDS = 5;

    @Inject
    UnifiedJedis redis;

    @Inject
    FeedCache cache;

    @Resource
    ManagedThreadFactory threads;

    /** Connected readers of this server: user → their streams, each told the new post's ID and author. */
    private final Map<Long, Set<Listener>> readers = new ConcurrentHashMap<>();
    private volatile Subscriber subscriber;

    /** A connected reader's stream: gets (postId, authorId) of each new timeline item. */
    public interface Listener {
        void newPost(long postId, long authorId);
    }

    /** Starts telling {@code listener} the user's new timeline items; close the result to stop. */
    public AutoCloseable connect(long userId, Listener listener) {
        readers.computeIfAbsent(userId, id -> new CopyOnWriteArraySet<>()).add(listener);
        ensureSubscribed();
        return () -> readers.computeIfPresent(userId, (id, set) -> {
            set.remove(listener);
            return set.isEmpty() ? null : set;
        });
    }

    public void announcePulled(long postId, long authorId) {
        redis.publish(cache.keys().liveChannel(), new LiveAnnouncement(postId, authorId, true, List.of()).encode());
    }

    void deliver(LiveAnnouncement a) {
        if (a.pulled()) {
            for (Map.Entry<Long, Set<Listener>> reader : readers.entrySet()) {
                long user = reader.getKey();
                if (user == a.authorId() || cache.sets().contains(cache.following(user), a.authorId())) {
                    tell(reader.getValue(), a);
                }
            }
            return;
        }
        for (long user : a.recipients()) {
            Set<Listener> streams = readers.get(user);
            if (streams != null) {
                tell(streams, a);
            }
        }
    }

    private static void tell(Set<Listener> streams, LiveAnnouncement a) {
        for (Listener l : streams) {
            try {
                l.newPost(a.postId(), a.authorId());
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "a live stream failed; it is closed by its own side", e);
            }
        }
    }

    /** Starts this server's subscription on first use and waits (a little) until Redis confirmed it. */
    private void ensureSubscribed() {
        Subscriber s;
        synchronized (this) {
            if (subscriber == null) {
                subscriber = new Subscriber();
                threads.newThread(subscriber).start();
            }
            s = subscriber;
        }
        try {
            if (!s.subscribed.await(SUBSCRIBE_WAIT_SECONDS, TimeUnit.SECONDS)) {
                LOG.warning("feed live: Redis has not confirmed the subscription after " + SUBSCRIBE_WAIT_SECONDS
                        + " s; streams get new posts once it has");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @PreDestroy
    void stop() {
        Subscriber s = subscriber;
        if (s != null) {
            s.stop();
        }
    }

    /** Holds one subscription, re-subscribing after Redis failures until stopped. */
    private final class Subscriber extends JedisPubSub implements Runnable {
        private volatile boolean stopped;
        private final CountDownLatch subscribed = new CountDownLatch(1);

        @Override
        public void onSubscribe(String channel, int subscribedChannels) {
            subscribed.countDown();
        }

        @Override
        public void run() {
            while (!stopped) {
                try {
                    redis.subscribe(this, cache.keys().liveChannel());
                } catch (RuntimeException e) {
                    if (stopped) {
                        return;
                    }
                    LOG.log(Level.WARNING, "feed live: the Redis subscription failed; re-subscribing in 1 s", e);
                    try {
                        Thread.sleep(1000);
                    } catch (InterruptedException ie) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }

        @Override
        public void onMessage(String channel, String message) {
            try {
                deliver(LiveAnnouncement.decode(message));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "feed live: could not deliver '" + message + "'", e);
            }
        }

        void stop() {
            stopped = true;
            if (isSubscribed()) {
                unsubscribe();
            }
        }
    }
}
