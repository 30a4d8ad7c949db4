package io.practicalsystems.shortener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.longs;

import io.practicalsystems.testsupport.Gens;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** Chunking never changes the result: what makes the rollup job safe to run in chunks of any size. */
class DailyRollupPropertyTest {

    private static final Instant START = Instant.parse("2026-11-26T00:00:00Z");
    private static final long THREE_DAYS_SECONDS = 3 * 24 * 3600;
    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

    @Test
    void totalClicksEqualsNumberOfEvents() {
        qt().forAll(events(), zones()).checkAssert((events, zone) -> {
            List<DailyStat> rows = DailyRollup.aggregate(events, zone);

            assertThat(rows.stream().mapToLong(DailyStat::clicks).sum()).isEqualTo(events.size());
            assertThat(rows).allSatisfy(r -> assertThat(r.clicks()).isPositive());
        });
    }

    @Test
    void aggregatingTheUnionEqualsMergingTheParts() {
        qt().forAll(events(), events(), zones()).checkAssert((a, b, zone) -> {
            List<ClickEvent> union = new ArrayList<>(a);
            union.addAll(b);

            assertThat(DailyRollup.aggregate(union, zone))
                    .isEqualTo(DailyRollup.merge(DailyRollup.aggregate(a, zone), DailyRollup.aggregate(b, zone)));
        });
    }

    @Test
    void mergeIsCommutativeAndGivesOneRowPerKey() {
        qt().forAll(events(), events(), zones()).checkAssert((a, b, zone) -> {
            List<DailyStat> ab = DailyRollup.merge(DailyRollup.aggregate(a, zone), DailyRollup.aggregate(b, zone));
            List<DailyStat> ba = DailyRollup.merge(DailyRollup.aggregate(b, zone), DailyRollup.aggregate(a, zone));

            assertThat(ab).isEqualTo(ba).isSortedAccordingTo(DailyStat.BY_KEY);
            assertThat(ab.stream().map(DailyStat::key).distinct().count()).isEqualTo(ab.size());
        });
    }

    @Test
    void orderOfEventsDoesNotMatter() {
        qt().forAll(events(), longs().all(), zones()).checkAssert((events, shuffleSeed, zone) -> {
            List<ClickEvent> shuffled = new ArrayList<>(events);
            Collections.shuffle(shuffled, new Random(shuffleSeed));

            assertThat(DailyRollup.aggregate(shuffled, zone)).isEqualTo(DailyRollup.aggregate(events, zone));
        });
    }

    /** Few distinct values so that keys repeat; three days so that day boundaries fall inside. */
    private static Gen<List<ClickEvent>> events() {
        Gen<ClickEvent> event = Gens.stringsOf(LETTERS, 8, 8).zip(
                arbitrary().pick("abc", "my-link", "Zz9"),
                longs().between(0, THREE_DAYS_SECONDS).map(START::plusSeconds),
                arbitrary().pick("direct", "google.com", "t.co"),
                arbitrary().pick("chrome", "bot", "safari"),
                ClickEvent::new);
        return Gens.listsOf(event, 0, 60);
    }

    private static Gen<ZoneId> zones() {
        return arbitrary().pick("UTC", "Asia/Tokyo", "America/New_York", "Pacific/Kiritimati", "Pacific/Pago_Pago")
                .map(id -> ZoneId.of(id));
    }
}
