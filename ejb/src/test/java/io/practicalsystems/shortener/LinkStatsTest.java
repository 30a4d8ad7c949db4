package io.practicalsystems.shortener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.practicalsystems.shortener.LinkStats.AgentCount;
import io.practicalsystems.shortener.LinkStats.DayCount;
import io.practicalsystems.shortener.LinkStats.HostCount;
import io.practicalsystems.shortener.LinkStats.LiveDay;
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

    private static LiveDay today(Map<String, Long> byReferrer, Map<String, Long> byAgent) {
        return new LiveDay(TODAY, byReferrer, byAgent);
    }

    @Test
    void joinsRolledUpDaysWithTodaysLiveCounters() {
        LinkStats stats = LinkStats.combine("abc", rolledUp,
                List.of(today(Map.of("t.co", 3L, "news.example", 1L), Map.of("firefox", 3L, "bot", 1L))), TODAY, 10);

        assertThat(stats.code()).isEqualTo("abc");
        assertThat(stats.perDay()).containsExactly(
                new DayCount(D1, 7), new DayCount(D2, 7), new DayCount(TODAY, 4));
        assertThat(stats.total()).isEqualTo(18);
        assertThat(stats.topReferrers()).containsExactly(
                new HostCount("google.com", 8), new HostCount("t.co", 7),
                new HostCount("direct", 2), new HostCount("news.example", 1));
        assertThat(stats.topAgents()).containsExactly(
                new AgentCount("chrome", 9), new AgentCount("bot", 3), new AgentCount("firefox", 3),
                new AgentCount("safari", 3));
    }

    @Test
    void ignoresRolledUpRowsForTodaySoTheyAreNotCountedTwice() {
        List<DailyStat> withPartialToday = List.of(
                new DailyStat("abc", D1, "direct", "chrome", 1),
                new DailyStat("abc", TODAY, "direct", "chrome", 5)); // already in the live counters

        LinkStats stats = LinkStats.combine("abc", withPartialToday,
                List.of(today(Map.of("direct", 6L), Map.of("chrome", 6L))), TODAY, 10);

        assertThat(stats.perDay()).containsExactly(new DayCount(D1, 1), new DayCount(TODAY, 6));
        assertThat(stats.total()).isEqualTo(7);
        assertThat(stats.topReferrers()).containsExactly(new HostCount("direct", 7));
        assertThat(stats.topAgents()).containsExactly(new AgentCount("chrome", 7));
    }

    @Test
    void aDayNotRolledUpYetCountsFromItsLiveCounters() {
        List<LiveDay> live = List.of(new LiveDay(D2, Map.of("t.co", 2L), Map.of("edge", 2L)),
                today(Map.of("t.co", 1L), Map.of("bot", 1L)));

        LinkStats stats = LinkStats.combine("abc", List.of(new DailyStat("abc", D1, "t.co", "chrome", 4)), live,
                TODAY, 10);

        assertThat(stats.perDay()).containsExactly(new DayCount(D1, 4), new DayCount(D2, 2), new DayCount(TODAY, 1));
        assertThat(stats.topReferrers()).containsExactly(new HostCount("t.co", 7));
        assertThat(stats.topAgents()).containsExactly(
                new AgentCount("chrome", 4), new AgentCount("edge", 2), new AgentCount("bot", 1));
    }

    @Test
    void tiesAreBrokenByNameAndTheListsAreCutAtTopN() {
        LiveDay live = today(Map.of("b.example", 2L, "a.example", 2L, "c.example", 2L, "z.example", 9L),
                Map.of("safari", 2L, "firefox", 2L, "edge", 2L, "chrome", 9L));

        LinkStats stats = LinkStats.combine("abc", List.of(), List.of(live), TODAY, 3);

        assertThat(stats.topReferrers()).containsExactly(
                new HostCount("z.example", 9), new HostCount("a.example", 2), new HostCount("b.example", 2));
        assertThat(stats.topAgents()).containsExactly(
                new AgentCount("chrome", 9), new AgentCount("edge", 2), new AgentCount("firefox", 2));
        LinkStats none = LinkStats.combine("abc", List.of(), List.of(live), TODAY, 0);
        assertThat(none.topReferrers()).isEmpty();
        assertThat(none.topAgents()).isEmpty();
        assertThat(none.total()).isEqualTo(15);
    }

    @Test
    void aLinkWithoutClicksHasEmptyStats() {
        LinkStats stats = LinkStats.combine("abc", List.of(), List.of(today(Map.of("t.co", 0L), Map.of("bot", 0L))),
                TODAY, 10);

        assertThat(stats.total()).isZero();
        assertThat(stats.perDay()).isEmpty();
        assertThat(stats.topReferrers()).isEmpty();
        assertThat(stats.topAgents()).isEmpty();
    }

    @Test
    void refusesInputThatWouldShowWrongNumbers() {
        List<DailyStat> otherCode = List.of(new DailyStat("xyz", D1, "direct", "chrome", 1));

        assertThatThrownBy(() -> LinkStats.combine("abc", otherCode, List.of(), TODAY, 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'xyz'");
        assertThatThrownBy(() -> LinkStats.combine("abc", List.of(), List.of(today(Map.of("t.co", -1L), Map.of())),
                TODAY, 10)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("negative");
        assertThatThrownBy(() -> LinkStats.combine("abc", List.of(), List.of(today(Map.of(), Map.of("bot", -1L))),
                TODAY, 10)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'bot' is negative");
        assertThatThrownBy(() -> LinkStats.combine("abc", List.of(),
                List.of(new LiveDay(TODAY.plusDays(1), Map.of("t.co", 1L), Map.of())), TODAY, 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("after today");
        assertThatThrownBy(() -> LinkStats.combine("abc", List.of(), List.of(), TODAY, -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("topN");
    }
}
