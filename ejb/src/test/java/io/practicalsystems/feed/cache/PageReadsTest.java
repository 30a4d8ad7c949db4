package io.practicalsystems.feed.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.practicalsystems.feed.fanout.DeliveryMode;
import io.practicalsystems.feed.post.Post;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A page's reads in one script call, on a real Redis: what the tiers hold, and null / empty for what they lack. */
class PageReadsTest extends RedisTierTest {

    static final long READER = 9;
    final PageReads reads = new PageReads(redis, keys);
    final PostContent content = new PostContent(redis, keys, 3600);
    final CachedSets sets = new CachedSets(redis, keys, 3600);
    final Post byAuthor = new Post(1, 7, "hello", 1_000, null, null, DeliveryMode.PUSH, false);
    final Post byReader = new Post(2, READER, "mine", 2_000, null, null, DeliveryMode.PUSH, false);
    final Post repost = new Post(3, 8, "look", 3_000, null, 1L, DeliveryMode.PUSH, false);

    CachedSets.Ref blocks(long user) {
        return new CachedSets.Ref(keys.blocks(user), keys.userCounts(user), "blocks", Set::of);
    }

    CachedSets.Ref likes(long post) {
        return new CachedSets.Ref(keys.likes(post), keys.postCounts(post), "likes", Set::of);
    }

    CachedSets.Ref comments(long post) {
        return new CachedSets.Ref(keys.comments(post), keys.postCounts(post), "comments", Set::of);
    }

    @Test
    void aPageIsReadWithItsBlocksCountersLikesAndOriginals() {
        List.of(byAuthor, byReader, repost).forEach(content::fill);
        sets.add(blocks(7), READER);       // the author blocked the reader
        sets.add(likes(1), READER);        // the reader liked post 1
        sets.add(likes(1), 5);
        sets.add(comments(1), 100);

        Map<Long, PageReads.Entry> read = reads.read(List.of(3L, 2L, 1L, 4L), READER);

        assertThat(read.keySet()).containsExactly(3L, 2L, 1L, 4L);
        PageReads.Entry first = read.get(1L);
        assertThat(content.fromHash(1, first.post(), id -> { throw new AssertionError("read from Redis"); }))
                .contains(byAuthor);
        assertThat(first.authorBlockedReader()).isTrue();
        assertThat(first.likes()).isEqualTo(2);
        assertThat(first.comments()).isEqualTo(1);
        assertThat(first.likedByReader()).isTrue();
        assertThat(first.shared()).isEmpty();

        PageReads.Entry own = read.get(2L);
        assertThat(own.authorBlockedReader()).as("the reader's own post: not asked").isNull();
        assertThat(own.likes()).as("no counter cached").isNull();
        assertThat(own.likedByReader()).as("likes set cold").isNull();

        PageReads.Entry reposted = read.get(3L);
        assertThat(reposted.authorBlockedReader()).as("author 8's block set is cold").isNull();
        assertThat(content.fromHash(1, reposted.shared(), id -> { throw new AssertionError("read from Redis"); }))
                .contains(byAuthor);

        PageReads.Entry missing = read.get(4L);
        assertThat(missing.post()).isEmpty();
        assertThat(missing.authorBlockedReader()).isNull();
    }

    @Test
    void aWarmSetWithoutTheReaderIsFalseNotUnknown() {
        content.fill(byAuthor);
        sets.add(blocks(7), 123);
        sets.add(likes(1), 5);

        PageReads.Entry entry = reads.read(List.of(1L), READER).get(1L);

        assertThat(entry.authorBlockedReader()).isFalse();
        assertThat(entry.likedByReader()).isFalse();
        assertThat(entry.likes()).isEqualTo(1);
    }

    @Test
    void anEmptyPageAsksNothing() {
        assertThat(reads.read(List.of(), READER)).isEmpty();
    }
}
