package io.practicalsystems.feed.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A timeline's sources in one script call, on a real Redis: what the tiers hold, and null / empty for the rest. */
class TimelineSourcesTest extends RedisTierTest {

    static final long READER = 9;
    static final long NOW = 1_800_000_000_000L;
    static final long ACTIVE_SINCE = NOW - 1_000_000;
    final CappedFeeds feeds = new CappedFeeds(redis, 5, 3600);
    final CachedSets sets = new CachedSets(redis, keys, 3600);
    final TimelineSources sources = new TimelineSources(redis, keys, feeds);

    CachedSets.Ref set(String key, String field) {
        return new CachedSets.Ref(key, keys.userCounts(0) + ":" + key, field, Set::of);
    }

    void rebuild(String feed, List<Long> ids) {
        feeds.read(feed, true, () -> ids);
    }

    TimelineSources.Read read() {
        return sources.read(READER, NOW, ACTIVE_SINCE, 60_000, 3);
    }

    @Test
    void warmTiersAreReadWholeAndTheFollowedPullAuthorsListsWithThem() {
        sets.add(set(keys.following(READER), "following"), 7);
        sets.add(set(keys.following(READER), "following"), 8);
        sets.add(set(keys.pullAuthors(), "authors"), 8);      // followed and PULL
        sets.add(set(keys.pullAuthors(), "authors"), 66);     // PULL, not followed
        sets.add(set(keys.pullAuthors(), "authors"), READER); // the reader's own PULL posts count too
        sets.add(set(keys.blocks(READER), "blocks"), 5);
        rebuild(keys.home(READER), List.of(101L, 102L, 103L, 104L, 105L));
        rebuild(keys.pulled(8), List.of(201L, 202L));
        feeds.addToEach(List.of(keys.pulled(READER)), 301); // incomplete: Redis lost it

        TimelineSources.Read read = read();

        assertThat(read.following()).containsExactlyInAnyOrder(7L, 8L);
        assertThat(read.home()).as("the newest 3 (homeCount)").contains(List.of(105L, 104L, 103L));
        assertThat(read.blocks()).containsExactly(5L);
        assertThat(read.pulled()).isEqualTo(Map.of(8L, Optional.of(List.of(202L, 201L)), READER, Optional.empty()));
    }

    @Test
    void coldSetsAndALostFeedComeBackUnknown() {
        sets.add(set(keys.pullAuthors(), "authors"), 8);
        feeds.addToEach(List.of(keys.home(READER)), 101); // pushed into, never rebuilt

        TimelineSources.Read read = read();

        assertThat(read.following()).isNull();
        assertThat(read.blocks()).isNull();
        assertThat(read.home()).isEmpty();
        assertThat(read.pulled()).as("whom the reader follows is unknown").isNull();
        sets.add(set(keys.following(READER), "following"), 8);
        redis.del(keys.pullAuthors());
        assertThat(read().pulled()).as("who published PULL posts is unknown").isNull();
    }

    @Test
    void aReadIsRecordedOnlyWhenTheReaderIsStillActive() {
        TimelineSources.Read never = read();
        assertThat(never.lastRead()).isEqualTo(Long.MIN_VALUE);
        assertThat(never.recorded()).isFalse();
        assertThat(redis.get(keys.lastRead(READER))).isNull();

        redis.set(keys.lastRead(READER), Long.toString(ACTIVE_SINCE - 1)); // away too long: rebuild first
        assertThat(read().recorded()).isFalse();
        assertThat(redis.get(keys.lastRead(READER))).isEqualTo(Long.toString(ACTIVE_SINCE - 1));

        redis.set(keys.lastRead(READER), Long.toString(ACTIVE_SINCE));
        TimelineSources.Read active = read();
        assertThat(active.lastRead()).isEqualTo(ACTIVE_SINCE);
        assertThat(active.recorded()).isTrue();
        assertThat(redis.get(keys.lastRead(READER))).isEqualTo(Long.toString(NOW));
        assertThat(redis.pttl(keys.lastRead(READER))).isBetween(1L, 60_000L);
    }

    @Test
    void aReadRestartsTheHomeFeedsTtlOnlyOnceBelowHalf() {
        String home = keys.home(READER);
        rebuild(home, List.of(101L));
        redis.expire(home, 1000); // below half of 3600
        read();
        assertThat(redis.ttl(home)).as("restarted").isBetween(1001L, 3600L);

        redis.expire(home, 3000);
        read();
        assertThat(redis.ttl(home)).as("left alone").isBetween(1L, 3000L);

        redis.persist(home);
        read();
        assertThat(redis.ttl(home)).as("a feed without a TTL gets one").isBetween(1L, 3600L);
    }
}
