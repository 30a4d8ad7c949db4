package io.practicalsystems.feed.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TimelineMergeTest {

    private static final List<Long> PUSHED = List.of(90L, 70L, 50L, 30L, 10L);
    private static final List<Long> CELEBRITY_A = List.of(80L, 50L, 20L);
    private static final List<Long> CELEBRITY_B = List.of(95L, 60L);

    @Test
    void theFirstPageMergesAllSourcesNewestFirstAndServesARepeatOnce() {
        TimelinePage page = TimelineMerge.page(List.of(PUSHED, CELEBRITY_A, CELEBRITY_B), id -> true, null, 5);

        assertThat(page.postIds()).containsExactly(95L, 90L, 80L, 70L, 60L);
        assertThat(page.next()).isEqualTo(new FeedCursor(60));
    }

    @Test
    void theCursorResumesStrictlyBelowTheLastServedIdAndTheLastPageHasNoNext() {
        TimelinePage page = TimelineMerge.page(List.of(PUSHED, CELEBRITY_A, CELEBRITY_B), id -> true,
                new FeedCursor(60), 5);

        assertThat(page.postIds()).containsExactly(50L, 30L, 20L, 10L);
        assertThat(page.next()).isNull();
    }

    @Test
    void aPageThatEndsExactlyAtTheLastVisibleItemHasNoNext() {
        TimelinePage page = TimelineMerge.page(List.of(PUSHED), id -> id != 10L, new FeedCursor(60), 2);

        assertThat(page.postIds()).containsExactly(50L, 30L);
        assertThat(page.next()).isNull();
    }

    @Test
    void hiddenPostsAreSkippedWithoutUsingUpTheLimit() {
        Set<Long> deletedOrBlocked = Set.of(95L, 80L, 70L);

        TimelinePage page = TimelineMerge.page(List.of(PUSHED, CELEBRITY_A, CELEBRITY_B),
                id -> !deletedOrBlocked.contains(id), null, 3);

        assertThat(page.postIds()).containsExactly(90L, 60L, 50L);
        assertThat(page.next()).isEqualTo(new FeedCursor(50));
    }

    @Test
    void noSourcesOrEmptySourcesGiveAnEmptyLastPage() {
        assertThat(TimelineMerge.page(List.of(), id -> true, null, 10)).isEqualTo(new TimelinePage(List.of(), null));
        assertThat(TimelineMerge.page(List.of(List.of(), List.of()), id -> true, null, 10).postIds()).isEmpty();
        assertThat(TimelineMerge.page(List.of(PUSHED), id -> true, new FeedCursor(10), 10).postIds()).isEmpty();
    }

    @Test
    void aSourceNotNewestFirstOrALimitBelowOneIsRefused() {
        assertThatThrownBy(() -> TimelineMerge.page(List.of(List.of(10L, 20L)), id -> true, null, 5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("newest first");
        assertThatThrownBy(() -> TimelineMerge.page(List.of(List.of(20L, 20L)), id -> true, null, 5))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TimelineMerge.page(List.of(PUSHED), id -> true, null, 0))
                .hasMessageContaining("limit");
    }
}
