package io.practicalsystems.shortener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClickAggregateTest {

    private static final LocalDate NOV_28 = LocalDate.parse("2026-11-28");

    @Test
    void theWireFormatIsAHeaderAndOneLinePerCount() {
        ClickAggregate aggregate = new ClickAggregate("119908863818137600", List.of(
                new DailyStat("abc", NOV_28, "google.com", "chrome", 12),
                new DailyStat("abc", NOV_28, "direct", "bot", 1)));

        assertThat(aggregate.toWire()).isEqualTo("a1\t119908863818137600\n"
                + "c1\tabc\t2026-11-28\tgoogle.com\tchrome\t12\n"
                + "c1\tabc\t2026-11-28\tdirect\tbot\t1");
        assertThat(ClickAggregate.fromWire(aggregate.toWire())).isEqualTo(aggregate);
        assertThat(aggregate.clicks()).isEqualTo(13);
    }

    @Test
    void anyStringSurvivesTheRoundTrip() {
        ClickAggregate aggregate = new ClickAggregate("1", List.of(new DailyStat("a\tb", NOV_28, "x\ny\\z\r", "", 3)));
        assertThat(ClickAggregate.fromWire(aggregate.toWire())).isEqualTo(aggregate);
    }

    @Test
    void countsSplitIntoOneBatchPerDayIdentifiedByTheAggregateAndTheDay() {
        ClickAggregate aggregate = new ClickAggregate("77", List.of(
                new DailyStat("abc", NOV_28.plusDays(1), "", "chrome", 1),
                new DailyStat("abc", NOV_28, "", "chrome", 5),
                new DailyStat("xyz", NOV_28, "", "chrome", 2)));

        assertThat(aggregate.batches()).extracting(ClickBatch::id, ClickBatch::day, ClickBatch::clicks).containsExactly(
                org.assertj.core.groups.Tuple.tuple("77-20261128", NOV_28, 7L),
                org.assertj.core.groups.Tuple.tuple("77-20261129", NOV_28.plusDays(1), 1L));
        assertThat(aggregate.batches()).as("a redelivery splits the same way").isEqualTo(
                ClickAggregate.fromWire(aggregate.toWire()).batches());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "", "a1", "a2\t1\nc1\tabc\t2026-11-28\t\tchrome\t1", "a1\t1", "a1\t1\nc1\tabc\t2026-11-28\t\tchrome",
            "a1\t1\nc1\tabc\t2026-13-28\t\tchrome\t1", "a1\t1\nc1\tabc\t2026-11-28\t\tchrome\t0",
            "a1\t1\nc1\tabc\t2026-11-28\t\tchrome\tmany", "a1\t1\nc1\t\t2026-11-28\t\tchrome\t1",
            "a1\t1\nc1\tab\\q\t2026-11-28\t\tchrome\t1", "a1\t1\nv1\te1\tabc\t2026-11-28T10:00:00Z\t\tchrome",
            "a1\t" + "12345678901234567890123456789012" + "\nc1\tabc\t2026-11-28\t\tchrome\t1"})
    void malformedAggregatesAreRefused(String wire) {
        assertThatThrownBy(() -> ClickAggregate.fromWire(wire)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aLegacyPerClickMessageIsNotAnAggregate() {
        String v1 = new ClickEvent("e1", "abc", java.time.Instant.parse("2026-11-28T10:00:00Z"), "", "chrome").toWire();
        assertThatThrownBy(() -> ClickAggregate.fromWire(v1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a click aggregate");
    }
}
