package io.practicalsystems.feed.bench;

import java.util.BitSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import redis.clients.jedis.JedisPubSub;
import redis.clients.jedis.RedisClient;

/**
 * Watches the feed's live channel for the fanout benchmark: every pushed batch's announcement ({@code push <post>
 * <author> <ids,…>}) is published by the same script call that added the post to those feeds, after the adds, so
 * the moment the announcements have named every follower is the moment every feed held the post, seen from outside
 * the server. This replaced polling every feed with ZSCOREs, which added its own Redis load to the fanout's and
 * trailed it by one polling pass (360–480 ms at 100,000 feeds). The caller still checks every feed afterwards.
 */
final class AnnouncedFeeds extends JedisPubSub {

    private final long firstFollower;
    private final int followers;
    private final BitSet announced;
    private final CountDownLatch subscribed = new CountDownLatch(1);
    private final CountDownLatch complete = new CountDownLatch(1);
    private volatile String postId;
    private volatile long completedAtMillis;
    private int count;

    private AnnouncedFeeds(long firstFollower, int followers) {
        this.firstFollower = firstFollower;
        this.followers = followers;
        this.announced = new BitSet(followers);
    }

    /** Subscribes on a thread of its own and returns once the subscription is in place. */
    static AnnouncedFeeds watch(RedisClient redis, String channel, long firstFollower, int followers)
            throws InterruptedException {
        AnnouncedFeeds watch = new AnnouncedFeeds(firstFollower, followers);
        Thread thread = new Thread(() -> redis.subscribe(watch, channel), "announced-feeds");
        thread.setDaemon(true);
        thread.start();
        if (!watch.subscribed.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("no subscription to " + channel + " after 30 s");
        }
        return watch;
    }

    /** The post to count announcements of; announcements that arrived before this call count too. */
    void expect(String post) {
        postId = post;
    }

    /** When every follower had been named (epoch ms), or -1 if that did not happen before the timeout. */
    long awaitComplete(long timeoutMillis) throws InterruptedException {
        return complete.await(timeoutMillis, TimeUnit.MILLISECONDS) ? completedAtMillis : -1;
    }

    @Override
    public void onSubscribe(String channel, int subscribedChannels) {
        subscribed.countDown();
    }

    @Override
    public void onMessage(String channel, String message) {
        long now = System.currentTimeMillis();
        String[] parts = message.split(" ", 4);
        // The benchmark sends one post at a time: a push of another post would be another round's, which has ended.
        if (parts.length != 4 || !parts[0].equals("push") || (postId != null && !parts[1].equals(postId))) {
            return;
        }
        for (String id : parts[3].split(",")) {
            int index = (int) (Long.parseLong(id) - firstFollower);
            if (index >= 0 && index < followers && !announced.get(index)) {
                announced.set(index);
                count++;
            }
        }
        if (count == followers && complete.getCount() > 0) {
            completedAtMillis = now;
            complete.countDown();
            unsubscribe();
        }
    }
}
