package io.practicalsystems.feed.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HomeFeedTest {

    @Test
    void idsAreKeptNewestFirstWhateverOrderTheyArriveIn() {
        HomeFeed feed = new HomeFeed(10);

        feed.add(300);
        feed.add(100);
        feed.add(200);

        assertThat(feed.newestFirst()).containsExactly(300L, 200L, 100L);
    }

    @Test
    void addingAnIdTwiceKeepsOne() {
        HomeFeed feed = new HomeFeed(10);

        assertThat(feed.add(100)).isTrue();
        assertThat(feed.add(100)).isFalse();

        assertThat(feed.newestFirst()).containsExactly(100L);
    }

    @Test
    void pastTheCapTheOldestFallOffAndAnIdOlderThanAFullFeedIsNotKept() {
        HomeFeed feed = new HomeFeed(3);
        feed.add(100);
        feed.add(200);
        feed.add(300);

        assertThat(feed.add(400)).isTrue();
        assertThat(feed.newestFirst()).containsExactly(400L, 300L, 200L);
        assertThat(feed.add(150)).isFalse();
        assertThat(feed.newestFirst()).containsExactly(400L, 300L, 200L);
        assertThat(feed.size()).isEqualTo(feed.cap());
    }

    @Test
    void aRemovedIdIsGoneAndItsSlotFreed() {
        HomeFeed feed = new HomeFeed(2);
        feed.add(100);
        feed.add(200);

        assertThat(feed.remove(200)).isTrue();
        assertThat(feed.remove(200)).isFalse();
        assertThat(feed.contains(200)).isFalse();
        assertThat(feed.add(50)).isTrue();
        assertThat(feed.newestFirst()).containsExactly(100L, 50L);
    }

    @Test
    void theDefaultCapIs800AndACapBelowOneIsRefused() {
        HomeFeed feed = new HomeFeed();
        for (long id = 1; id <= 1000; id++) {
            feed.add(id);
        }

        assertThat(feed.size()).isEqualTo(800);
        assertThat(feed.newestFirst().get(799)).isEqualTo(201L);
        assertThatThrownBy(() -> new HomeFeed(0)).hasMessageContaining("cap");
    }
}
