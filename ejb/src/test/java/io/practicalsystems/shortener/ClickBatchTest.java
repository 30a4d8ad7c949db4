package io.practicalsystems.shortener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClickBatchTest {

    private static final LocalDate NOV_28 = LocalDate.parse("2026-11-28");

    @Test
    void storedTextIsReadBack() {
        ClickBatch batch = new ClickBatch("9-20261128", NOV_28, List.of(
                new DailyStat("a\tb", NOV_28, "x\ny", "chrome", 4), new DailyStat("abc", NOV_28, "", "bot", 1)));
        assertThat(ClickBatch.fromText(batch.id(), NOV_28, batch.toText()).counts())
                .containsExactlyInAnyOrderElementsOf(batch.counts());
    }

    @Test
    void rowsOfOlderVersionsHoldOneEventPerClickAndAreReadAsCounts() {
        String legacy = String.join("\n",
                new ClickEvent("5", "abc", Instant.parse("2026-11-28T10:00:00Z"), "a.example", "chrome").toWire(),
                new ClickEvent("6", "abc", Instant.parse("2026-11-28T11:00:00Z"), "a.example", "chrome").toWire(),
                new ClickEvent("7", "abc", Instant.parse("2026-11-28T12:00:00Z"), "", "chrome").toWire());

        ClickBatch batch = ClickBatch.fromText("5", NOV_28, legacy);
        assertThat(batch.counts()).containsExactly(new DailyStat("abc", NOV_28, "", "chrome", 1),
                new DailyStat("abc", NOV_28, "a.example", "chrome", 2));
        assertThat(batch.clicks()).isEqualTo(3);
    }

    @Test
    void malformedStoredTextFailsLoudly() {
        assertThatThrownBy(() -> ClickBatch.fromText("1", NOV_28, "v1\t1\tabc\tnot-a-time\t\tchrome"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ClickBatch.fromText("1", NOV_28, "c9\tabc\t2026-11-28\t\tchrome\t1"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void countsByCodeAndReferrerSumOverAgentsAndByCodeAndAgentOverReferrers() {
        ClickBatch batch = new ClickBatch("1", NOV_28, List.of(new DailyStat("abc", NOV_28, "a.example", "chrome", 2),
                new DailyStat("abc", NOV_28, "a.example", "bot", 3), new DailyStat("abc", NOV_28, "", "bot", 4),
                new DailyStat("xyz", NOV_28, "", "bot", 1)));
        assertThat(batch.countsByCodeAndReferrer())
                .isEqualTo(Map.of("abc", Map.of("a.example", 5L, "", 4L), "xyz", Map.of("", 1L)));
        assertThat(batch.countsByCodeAndAgent())
                .isEqualTo(Map.of("abc", Map.of("chrome", 2L, "bot", 7L), "xyz", Map.of("bot", 1L)));
    }

    @Test
    void aBatchHoldsCountsOfItsOwnDayOnly() {
        assertThatThrownBy(() -> new ClickBatch("1", NOV_28, List.of(new DailyStat("a", NOV_28.plusDays(1), "", "bot", 1))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ClickBatch("1", NOV_28, List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ClickBatch("", NOV_28, List.of(new DailyStat("a", NOV_28, "", "bot", 1))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
