package io.practicalsystems.shortener;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClickBatchTest {

    private static ClickEvent click(String id, String code, String at, String referrer) {
        return new ClickEvent(id, code, Instant.parse(at), referrer, "chrome");
    }

    @Test
    void aMessageOnOneDayIsOneBatchIdentifiedByItsFirstEvent() {
        List<ClickEvent> message = List.of(click("7", "abc", "2026-11-28T10:00:00Z", "a.example"),
                click("3", "abc", "2026-11-28T10:00:01Z", ""));

        List<ClickBatch> batches = ClickBatch.split(message);

        assertThat(batches).singleElement().satisfies(batch -> {
            assertThat(batch.id()).isEqualTo("7");
            assertThat(batch.day()).isEqualTo(LocalDate.parse("2026-11-28"));
            assertThat(batch.events()).isEqualTo(message);
        });
    }

    @Test
    void aMessageAcrossMidnightUtcIsOneBatchPerDayEachKeyedByItsOwnFirstEvent() {
        ClickEvent before = click("10", "abc", "2026-11-28T23:59:59.999Z", "");
        ClickEvent after = click("11", "abc", "2026-11-29T00:00:00Z", "");
        ClickEvent lateBefore = click("12", "xyz", "2026-11-28T23:59:59Z", ""); // delivered out of order

        List<ClickBatch> batches = ClickBatch.split(List.of(before, after, lateBefore));

        assertThat(batches).extracting(ClickBatch::id, ClickBatch::day).containsExactly(
                org.assertj.core.groups.Tuple.tuple("10", LocalDate.parse("2026-11-28")),
                org.assertj.core.groups.Tuple.tuple("11", LocalDate.parse("2026-11-29")));
        assertThat(batches.get(0).events()).containsExactly(before, lateBefore);
    }

    @Test
    void aRepeatedEventIdInOneMessageIsKeptOnce() {
        ClickEvent first = click("5", "abc", "2026-11-28T10:00:00Z", "a.example");
        ClickEvent repeated = click("5", "abc", "2026-11-28T10:00:00Z", "a.example");

        assertThat(ClickBatch.split(List.of(first, repeated, click("6", "abc", "2026-11-28T10:00:00Z", ""))))
                .singleElement().satisfies(batch -> assertThat(batch.events()).extracting(ClickEvent::eventId)
                        .containsExactly("5", "6"));
    }

    @Test
    void theSameMessageAlwaysSplitsIntoTheSameBatches() {
        List<ClickEvent> message = List.of(click("1", "a", "2026-11-28T23:59:59Z", ""),
                click("2", "b", "2026-11-29T00:00:01Z", "x.example"));

        assertThat(ClickBatch.split(message)).isEqualTo(ClickBatch.split(List.copyOf(message)));
    }

    @Test
    void storedTextReadsBackEventsWhoseFieldsHoldSeparators() {
        ClickBatch batch = ClickBatch.split(List.of(click("1", "a\tb", "2026-11-28T10:00:00.123456789Z", "x\ny"),
                click("2", "c\\d", "2026-11-28T10:00:00Z", "\r"))).get(0);

        assertThat(ClickBatch.eventsFromText(batch.toText())).isEqualTo(batch.events());
    }

    @Test
    void aCorruptedStoredLineIsRefusedNotMisread() {
        assertThatThrownBy(() -> ClickBatch.eventsFromText("v1\t1\tabc\tnot-a-time\t\tchrome"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("occurredAt");
    }

    @Test
    void liveCountsAreClicksPerCodeAndReferrer() {
        ClickBatch batch = ClickBatch.split(List.of(click("1", "abc", "2026-11-28T10:00:00Z", "a.example"),
                click("2", "abc", "2026-11-28T10:00:00Z", "a.example"), click("3", "abc", "2026-11-28T10:00:00Z", ""),
                click("4", "xyz", "2026-11-28T10:00:00Z", "a.example"))).get(0);

        assertThat(batch.countsByCodeAndReferrer()).isEqualTo(Map.of(
                "abc", Map.of("a.example", 2L, "", 1L),
                "xyz", Map.of("a.example", 1L)));
    }

    @Test
    void aBatchMustBeKeyedByItsFirstEventAndHoldOne() {
        ClickEvent event = click("1", "abc", "2026-11-28T10:00:00Z", "");
        assertThatThrownBy(() -> new ClickBatch("2", LocalDate.parse("2026-11-28"), List.of(event)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ClickBatch("1", LocalDate.parse("2026-11-28"), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(ClickBatch.split(List.of())).isEmpty();
    }
}
