package io.practicalsystems.feed.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.JedisPubSub;

/** The feed tier on a real Redis: capped, idempotent, complete only once rebuilt, merging on rebuild. */
class CappedFeedsTest extends RedisTierTest {

    static final long BASE = 1_900_000_000_000_000_000L; // Snowflake-sized: above 2^53, so scores round

    final CappedFeeds feeds = new CappedFeeds(redis, 5, 3600);
    final AtomicInteger rebuilds = new AtomicInteger();

    List<Long> read(String key, List<Long> documents) {
        return feeds.read(key, false, () -> {
            rebuilds.incrementAndGet();
            return documents;
        });
    }

    @Test
    void aFeedIsRebuiltOnceThenReadFromRedisNewestFirstAndCapped() {
        String key = keys.home(1);
        List<Long> documents = List.of(BASE + 1, BASE + 7, BASE + 3, BASE + 2, BASE + 9, BASE + 5, BASE + 4);

        assertThat(read(key, documents)).containsExactly(BASE + 9, BASE + 7, BASE + 5, BASE + 4, BASE + 3);
        assertThat(read(key, documents)).containsExactly(BASE + 9, BASE + 7, BASE + 5, BASE + 4, BASE + 3);
        assertThat(rebuilds).hasValue(1);
    }

    @Test
    void idsThatRoundToTheSameScoreKeepTheirNumericOrder() {
        String key = keys.home(1);
        List<Long> ids = new ArrayList<>();
        for (long i = 0; i < 5; i++) {
            ids.add(BASE + i); // 2^60-ish: doubles cannot tell these apart
        }
        assertThat(read(key, ids)).containsExactly(BASE + 4, BASE + 3, BASE + 2, BASE + 1, BASE);
    }

    @Test
    void pushingTwiceAddsOnceAndOldIdsFallOffPastTheCap() {
        String key = keys.home(1);
        read(key, List.of());
        for (long i = 1; i <= 7; i++) {
            feeds.addToEach(List.of(key), BASE + i);
            feeds.addToEach(List.of(key), BASE + i); // a redelivered fanout
        }
        assertThat(read(key, List.of())).containsExactly(BASE + 7, BASE + 6, BASE + 5, BASE + 4, BASE + 3);
    }

    @Test
    void aPushIntoALostFeedIsKeptWhenTheNextReadRebuildsIt() {
        String key = keys.home(1);
        feeds.addToEach(List.of(key), BASE + 50); // Redis had lost the feed; the fanout created it partial

        assertThat(feeds.readIfComplete(key)).as("a partial feed is not served").isEmpty();
        assertThat(read(key, List.of(BASE + 10, BASE + 20))).containsExactly(BASE + 50, BASE + 20, BASE + 10);
    }

    @Test
    void aForcedRebuildMergesWithWhatIsThere() {
        String key = keys.home(1);
        read(key, List.of(BASE + 1));
        feeds.addToEach(List.of(key), BASE + 2);

        assertThat(feeds.read(key, true, () -> List.of(BASE + 3))).containsExactly(BASE + 3, BASE + 2, BASE + 1);
    }

    @Test
    void removingTakesTheIdOutOfEveryFeed() {
        List<String> homes = List.of(keys.home(1), keys.home(2));
        homes.forEach(k -> read(k, List.of(BASE + 1, BASE + 2)));

        feeds.removeFromEach(homes, BASE + 2);

        homes.forEach(k -> assertThat(read(k, List.of())).containsExactly(BASE + 1));
    }

    @Test
    void oneBatchPushReachesFullPartialAndAbsentFeedsEachCappedAndExpiring() {
        String full = keys.home(1);
        String partial = keys.home(2);
        String absent = keys.home(3);
        read(full, List.of(BASE + 1, BASE + 2, BASE + 3, BASE + 4, BASE + 5));
        feeds.addToEach(List.of(partial), BASE + 1);
        redis.scriptFlush(); // Redis restarted or lost its script cache: the batch call must still run

        feeds.addToEach(List.of(full, partial, absent), BASE + 6);
        feeds.addToEach(List.of(full, partial, absent), BASE + 6); // a redelivered batch

        assertThat(read(full, List.of())).containsExactly(BASE + 6, BASE + 5, BASE + 4, BASE + 3, BASE + 2);
        assertThat(redis.zrange(partial, 0, -1)).containsExactly(Long.toString(BASE + 1), Long.toString(BASE + 6));
        assertThat(redis.zrange(absent, 0, -1)).containsExactly(Long.toString(BASE + 6));
        for (String key : List.of(full, partial, absent)) {
            assertThat(redis.ttl(key)).as(key).isBetween(1L, 3600L);
        }
    }

    @Test
    void aPartialFeedIsCappedToo() {
        String key = keys.home(1);
        for (long i = 1; i <= 9; i++) {
            feeds.addToEach(List.of(key), BASE + i);
        }
        // cap + 1 entries, as for a complete feed (whose extra entry is the sentinel): the newest six
        assertThat(redis.zcard(key)).isEqualTo(6);
        assertThat(redis.zrange(key, 0, 0)).containsExactly(Long.toString(BASE + 4));
    }

    @Test
    void readingSeveralFeedsAtOnceServesTheCompleteOnesAndFlagsTheRest() {
        read(keys.pulled(1), List.of(BASE + 3, BASE + 1));
        feeds.addToEach(List.of(keys.pulled(2)), BASE + 9); // partial: Redis had lost it

        assertThat(feeds.readEachIfComplete(List.of(keys.pulled(1), keys.pulled(2), keys.pulled(3))))
                .containsExactly(java.util.Optional.of(List.of(BASE + 3, BASE + 1)), java.util.Optional.empty(),
                        java.util.Optional.empty());
    }

    @Test
    void eachPushIsOneCallThatAddsOnceAndThenAnnouncesEvenAfterRedisLostTheScript() throws Exception {
        int count = 11;
        List<CappedFeeds.Push> pushes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            pushes.add(new CappedFeeds.Push(List.of(keys.home(2 * i), keys.home(2 * i + 1)), BASE + 1,
                    keys.liveChannel(), "batch " + i));
        }
        BlockingQueue<String> heard = new LinkedBlockingQueue<>();
        CountDownLatch subscribed = new CountDownLatch(1);
        JedisPubSub listener = new JedisPubSub() {
            @Override
            public void onSubscribe(String channel, int subscribedChannels) {
                subscribed.countDown();
            }

            @Override
            public void onMessage(String channel, String message) {
                int batch = Integer.parseInt(message.substring("batch ".length()));
                boolean added = redis.zscore(keys.home(2 * batch), Long.toString(BASE + 1)) != null
                        && redis.zscore(keys.home(2 * batch + 1), Long.toString(BASE + 1)) != null;
                heard.add(message + (added ? " after its adds" : " BEFORE its adds"));
            }
        };
        Thread subscriber = new Thread(() -> redis.subscribe(listener, keys.liveChannel()));
        subscriber.start();
        try {
            assertThat(subscribed.await(30, TimeUnit.SECONDS)).as("subscribed").isTrue();
            redis.scriptFlush(); // Redis restarted or lost its script cache: every call must still run, once

            feeds.pushEach(pushes);
            feeds.pushEach(pushes); // a redelivered fanout

            List<String> expected = new ArrayList<>();
            for (int round = 0; round < 2; round++) {
                for (int i = 0; i < count; i++) {
                    expected.add("batch " + i + " after its adds");
                }
            }
            List<String> messages = new ArrayList<>();
            for (int i = 0; i < expected.size(); i++) {
                String message = heard.poll(30, TimeUnit.SECONDS);
                assertThat(message).as("announcement %d of %d", i + 1, expected.size()).isNotNull();
                messages.add(message);
            }
            assertThat(messages).isEqualTo(expected);
            for (int i = 0; i < 2 * count; i++) {
                assertThat(redis.zrange(keys.home(i), 0, -1)).containsExactly(Long.toString(BASE + 1));
                assertThat(redis.ttl(keys.home(i))).isBetween(1L, 3600L);
            }
        } finally {
            listener.unsubscribe();
            subscriber.join(30_000);
        }
    }

    @Test
    void aPushGivesTheTtlOnlyToAFeedItCreatesAndAReadRestartsAnAgeingOne() {
        String existing = keys.home(1);
        String lost = keys.home(2);
        read(existing, List.of(BASE + 1)); // rebuilt: the full TTL
        redis.expire(existing, 1000); // ... which has since run below half

        feeds.pushEach(List.of(new CappedFeeds.Push(List.of(existing, lost), BASE + 2, keys.liveChannel(), "-")));

        assertThat(redis.ttl(existing)).as("a push leaves the TTL alone").isBetween(1L, 1000L);
        assertThat(redis.ttl(lost)).as("a feed the push created").isBetween(1001L, 3600L);
        Supplier<Boolean> ageing;
        Supplier<Boolean> fresh;
        Supplier<Boolean> absent;
        try (AbstractPipeline pipe = redis.pipelined()) {
            ageing = feeds.ageingIn(pipe, existing);
            fresh = feeds.ageingIn(pipe, lost);
            absent = feeds.ageingIn(pipe, keys.home(3));
            pipe.sync();
        }
        assertThat(List.of(ageing.get(), fresh.get(), absent.get())).containsExactly(true, false, false);
        try (AbstractPipeline pipe = redis.pipelined()) {
            feeds.keepIn(pipe, existing);
            pipe.sync();
        }
        assertThat(redis.ttl(existing)).as("restarted by the read").isBetween(1001L, 3600L);
        assertThat(redis.zrange(existing, 0, -1)).containsExactly(Long.toString(BASE + 1), Long.toString(BASE + 2), "~");
    }
}
