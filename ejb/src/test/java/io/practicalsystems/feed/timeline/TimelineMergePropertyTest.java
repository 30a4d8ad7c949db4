package io.practicalsystems.feed.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.practicalsystems.testsupport.Gens;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.function.LongPredicate;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class TimelineMergePropertyTest {

    /** Up to 6 sources of up to 25 IDs from a small range, so that sources often share IDs. */
    private static final Gen<List<List<Long>>> SOURCES = Gens.listsOf(
            Gens.listsOf(longs().between(1, 80), 0, 25).map(TimelineMergePropertyTest::newestFirstDistinct), 0, 6);

    @Test
    void aPageIsTheSortedDeduplicatedVisibleUnionTruncatedToTheLimit() {
        qt().forAll(SOURCES, integers().between(1, 7), integers().between(1, 30), longs().between(1, 90))
                .checkAssert((sources, hiddenEvery, limit, cursorId) -> {
                    LongPredicate visible = id -> id % hiddenEvery != 0 || hiddenEvery == 1;
                    FeedCursor cursor = cursorId > 85 ? null : new FeedCursor(cursorId);

                    TimelinePage page = TimelineMerge.page(sources, visible, cursor, limit);

                    List<Long> expected = newestFirstDistinct(sources.stream().flatMap(Collection::stream)
                            .filter(visible::test)
                            .filter(id -> cursor == null || id < cursor.lastServedId()).toList());
                    assertThat(page.postIds()).isEqualTo(expected.subList(0, Math.min(limit, expected.size())));
                    assertThat(page.next()).isEqualTo(expected.size() > limit
                            ? new FeedCursor(page.postIds().get(limit - 1)) : null);
                });
    }

    @Test
    void pagingWithCursorsServesEveryVisibleItemExactlyOnceInOrder() {
        qt().forAll(SOURCES, integers().between(1, 7), integers().between(1, 10))
                .checkAssert((sources, hiddenEvery, limit) -> {
                    LongPredicate visible = id -> id % hiddenEvery != 0 || hiddenEvery == 1;
                    List<Long> expected = newestFirstDistinct(sources.stream().flatMap(Collection::stream)
                            .filter(visible::test).toList());

                    List<Long> served = new ArrayList<>();
                    FeedCursor cursor = null;
                    int pages = 0;
                    do {
                        TimelinePage page = TimelineMerge.page(sources, visible, cursor, limit);
                        assertThat(page.postIds()).hasSizeLessThanOrEqualTo(limit);
                        served.addAll(page.postIds());
                        cursor = page.next();
                        assertThat(++pages).isLessThanOrEqualTo(expected.size() + 1);
                    } while (cursor != null);

                    assertThat(served).isEqualTo(expected);
                });
    }

    private static List<Long> newestFirstDistinct(List<Long> ids) {
        return ids.stream().distinct().sorted(Comparator.reverseOrder()).toList();
    }
}
