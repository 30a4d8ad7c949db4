package io.practicalsystems.shortener;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Chunking never changes the result: what makes the rollup job safe to run in chunks of any size. */
class DailyRollupPropertyTest {

    private static final Instant START = Instant.parse("2026-11-26T00:00:00Z");
    private static final long THREE_DAYS_SECONDS = 3 * 24 * 3600;

    @Property
    void totalClicksEqualsNumberOfEvents(@ForAll("events") List<ClickEvent> events, @ForAll("zones") ZoneId zone) {
        List<DailyStat> rows = DailyRollup.aggregate(events, zone);

        assertThat(rows.stream().mapToLong(DailyStat::clicks).sum()).isEqualTo(events.size());
        assertThat(rows).allSatisfy(r -> assertThat(r.clicks()).isPositive());
    }

    @Property
    void aggregatingTheUnionEqualsMergingTheParts(@ForAll("events") List<ClickEvent> a,
            @ForAll("events") List<ClickEvent> b, @ForAll("zones") ZoneId zone) {
        List<ClickEvent> union = new ArrayList<>(a);
        union.addAll(b);

        assertThat(DailyRollup.aggregate(union, zone))
                .isEqualTo(DailyRollup.merge(DailyRollup.aggregate(a, zone), DailyRollup.aggregate(b, zone)));
    }

    @Property
    void mergeIsCommutativeAndGivesOneRowPerKey(@ForAll("events") List<ClickEvent> a,
            @ForAll("events") List<ClickEvent> b, @ForAll("zones") ZoneId zone) {
        List<DailyStat> ab = DailyRollup.merge(DailyRollup.aggregate(a, zone), DailyRollup.aggregate(b, zone));
        List<DailyStat> ba = DailyRollup.merge(DailyRollup.aggregate(b, zone), DailyRollup.aggregate(a, zone));

        assertThat(ab).isEqualTo(ba).isSortedAccordingTo(DailyStat.BY_KEY);
        assertThat(ab.stream().map(DailyStat::key).distinct().count()).isEqualTo(ab.size());
    }

    @Property
    void orderOfEventsDoesNotMatter(@ForAll("events") List<ClickEvent> events, @ForAll long seed,
            @ForAll("zones") ZoneId zone) {
        List<ClickEvent> shuffled = new ArrayList<>(events);
        Collections.shuffle(shuffled, new Random(seed));

        assertThat(DailyRollup.aggregate(shuffled, zone)).isEqualTo(DailyRollup.aggregate(events, zone));
    }

    /** Few distinct values so that keys repeat; three days so that day boundaries fall inside. */
    @Provide
    Arbitrary<List<ClickEvent>> events() {
        Arbitrary<ClickEvent> event = Combinators.combine(
                        Arbitraries.strings().alpha().ofLength(8),
                        Arbitraries.of("abc", "my-link", "Zz9"),
                        Arbitraries.longs().between(0, THREE_DAYS_SECONDS).map(START::plusSeconds),
                        Arbitraries.of("direct", "google.com", "t.co"),
                        Arbitraries.of("chrome", "bot", "safari"))
                .as(ClickEvent::new);
        return event.list().ofMaxSize(60);
    }

    @Provide
    Arbitrary<ZoneId> zones() {
        return Arbitraries.of("UTC", "Asia/Tokyo", "America/New_York", "Pacific/Kiritimati", "Pacific/Pago_Pago")
                .map(ZoneId::of);
    }
}
