package io.practicalsystems.shortener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class DailyRollupTest {

    private static final LocalDate NOV_27 = LocalDate.of(2026, 11, 27);
    private static final LocalDate NOV_28 = LocalDate.of(2026, 11, 28);

    @Test
    void countsEventsPerCodeDayReferrerAndAgent() {
        List<ClickEvent> events = List.of(
                click("e1", "abc", "2026-11-27T08:00:00Z", "google.com", "chrome"),
                click("e2", "abc", "2026-11-27T09:00:00Z", "google.com", "chrome"),
                click("e3", "abc", "2026-11-27T10:00:00Z", "google.com", "firefox"),
                click("e4", "abc", "2026-11-28T00:00:00Z", "google.com", "chrome"),
                click("e5", "my-link", "2026-11-27T08:00:00Z", "direct", "bot"));

        assertThat(DailyRollup.aggregate(events, ZoneOffset.UTC)).containsExactly(
                new DailyStat("abc", NOV_27, "google.com", "chrome", 2),
                new DailyStat("abc", NOV_27, "google.com", "firefox", 1),
                new DailyStat("abc", NOV_28, "google.com", "chrome", 1),
                new DailyStat("my-link", NOV_27, "direct", "bot", 1));
    }

    @Test
    void daysAreCalendarDaysOfTheGivenZone() {
        List<ClickEvent> events = List.of(click("e1", "abc", "2026-11-27T23:30:00Z", "direct", "safari"));

        assertThat(DailyRollup.aggregate(events, ZoneOffset.UTC)).extracting(DailyStat::day).containsExactly(NOV_27);
        assertThat(DailyRollup.aggregate(events, ZoneId.of("Asia/Tokyo")))
                .extracting(DailyStat::day).containsExactly(NOV_28);
    }

    @Test
    void mergeSumsEqualKeysAndKeepsTheRest() {
        List<DailyStat> stored = List.of(
                new DailyStat("abc", NOV_27, "google.com", "chrome", 40),
                new DailyStat("abc", NOV_27, "t.co", "safari", 3));
        List<DailyStat> chunk = List.of(
                new DailyStat("abc", NOV_28, "google.com", "chrome", 1),
                new DailyStat("abc", NOV_27, "google.com", "chrome", 2));

        assertThat(DailyRollup.merge(chunk, stored)).containsExactly(
                new DailyStat("abc", NOV_27, "google.com", "chrome", 42),
                new DailyStat("abc", NOV_27, "t.co", "safari", 3),
                new DailyStat("abc", NOV_28, "google.com", "chrome", 1));
    }

    @Test
    void nothingInNothingOut() {
        assertThat(DailyRollup.aggregate(List.of(), ZoneOffset.UTC)).isEmpty();
        assertThat(DailyRollup.merge(List.of(), List.of())).isEmpty();
    }

    @Test
    void refusesToOverflowASum() {
        List<DailyStat> huge = List.of(new DailyStat("abc", NOV_27, "direct", "bot", Long.MAX_VALUE));

        assertThatThrownBy(() -> DailyRollup.merge(huge, huge)).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> new DailyStat("abc", NOV_27, "direct", "bot", -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    static ClickEvent click(String id, String code, String at, String referrer, String agent) {
        return new ClickEvent(id, code, Instant.parse(at), referrer, agent);
    }
}
