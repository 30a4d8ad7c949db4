package io.practicalsystems.shortener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.practicalsystems.shortener.LinkStats.DayCount;
import io.practicalsystems.shortener.LinkStats.HostCount;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LinkStatsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 27);
    private static final LocalDate D1 = TODAY.minusDays(2);
    private static final LocalDate D2 = TODAY.minusDays(1);

    private final List<DailyStat> rolledUp = List.of(
            new DailyStat("abc", D2, "google.com", "chrome", 5),
            new DailyStat("abc", D1, "google.com", "safari", 3),
            new DailyStat("abc", D1, "t.co", "chrome", 4),
            new DailyStat("abc", D2, "direct", "bot", 2));

    @Test
    void joinsRolledUpDaysWithTodaysLiveCounters() {
        LinkStats stats = LinkStats.combine("abc", rolledUp, Map.of("t.co", 3L, "news.example", 1L), TODAY, 10);

        assertThat(stats.code()).isEqualTo("abc");
        assertThat(stats.perDay()).containsExactly(
                new DayCount(D1, 7), new DayCount(D2, 7), new DayCount(TODAY, 4));
        assertThat(stats.total()).isEqualTo(18);
        assertThat(stats.topReferrers()).containsExactly(
                new HostCount("google.com", 8), new HostCount("t.co", 7),
                new HostCount("direct", 2), new HostCount("news.example", 1));
    }

    @Test
    void ignoresRolledUpRowsForTodaySoTheyAreNotCountedTwice() {
        List<DailyStat> withPartialToday = List.of(
                new DailyStat("abc", D1, "direct", "chrome", 1),
                new DailyStat("abc", TODAY, "direct", "chrome", 5)); // already in the live counters

        LinkStats stats = LinkStats.combine("abc", withPartialToday, Map.of("direct", 6L), TODAY, 10);

        assertThat(stats.perDay()).containsExactly(new DayCount(D1, 1), new DayCount(TODAY, 6));
        assertThat(stats.total()).isEqualTo(7);
        assertThat(stats.topReferrers()).containsExactly(new HostCount("direct", 7));
    }

    @Test
    void tiesAreBrokenByHostAndTheListIsCutAtTopN() {
        Map<String, Long> live = Map.of("b.example", 2L, "a.example", 2L, "c.example", 2L, "z.example", 9L);

        LinkStats stats = LinkStats.combine("abc", List.of(), live, TODAY, 3);

        assertThat(stats.topReferrers()).containsExactly(
                new HostCount("z.example", 9), new HostCount("a.example", 2), new HostCount("b.example", 2));
        assertThat(LinkStats.combine("abc", List.of(), live, TODAY, 0).topReferrers()).isEmpty();
    }

    @Test
    void aLinkWithoutClicksHasEmptyStats() {
        LinkStats stats = LinkStats.combine("abc", List.of(), Map.of("t.co", 0L), TODAY, 10);

        assertThat(stats.total()).isZero();
        assertThat(stats.perDay()).isEmpty();
        assertThat(stats.topReferrers()).isEmpty();
    }

    @Test
    void refusesInputThatWouldShowWrongNumbers() {
        List<DailyStat> otherCode = List.of(new DailyStat("xyz", D1, "direct", "chrome", 1));

        assertThatThrownBy(() -> LinkStats.combine("abc", otherCode, Map.of(), TODAY, 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'xyz'");
        assertThatThrownBy(() -> LinkStats.combine("abc", List.of(), Map.of("t.co", -1L), TODAY, 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("negative");
        assertThatThrownBy(() -> LinkStats.combine("abc", List.of(), Map.of(), TODAY, -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("topN");
    }
}
