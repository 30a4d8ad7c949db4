package io.practicalsystems.shortener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClickEventWireTest {

    private static final Instant AT = Instant.parse("2026-11-27T12:00:00.123456789Z");

    @Test
    void writesVersionedTabSeparatedText() {
        ClickEvent event = new ClickEvent("119908863818137600", "aB3", AT, "google.com", "chrome");

        assertThat(event.toWire())
                .isEqualTo("v1\t119908863818137600\taB3\t2026-11-27T12:00:00.123456789Z\tgoogle.com\tchrome");
        assertThat(ClickEvent.fromWire(event.toWire())).isEqualTo(event);
    }

    @Test
    void escapesSeparatorsInsideFields() {
        ClickEvent event = new ClickEvent("e\t1", "a\\b", AT, "x\ny\rz", "");

        assertThat(event.toWire()).isEqualTo("v1\te\\t1\ta\\\\b\t" + AT + "\tx\\ny\\rz\t");
        assertThat(ClickEvent.fromWire(event.toWire())).isEqualTo(event);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "''                                                   | unsupported click event version",
            "garbage                                              | unsupported click event version",
            "v2\\te\\tc\\t2026-11-27T12:00:00Z\\tr\\ta             | unsupported click event version",
            "v1\\te\\tc                                            | 6 tab-separated fields, got 3",
            "v1\\te\\tc\\t2026-11-27T12:00:00Z\\tr\\ta\\textra     | 6 tab-separated fields, got 7",
            "v1\\te\\tc\\tyesterday\\tr\\ta                        | not an ISO-8601 instant",
            "v1\\te\\\\\\tc\\t2026-11-27T12:00:00Z\\tr\\ta         | lone backslash",
            "v1\\te\\\\x\\tc\\t2026-11-27T12:00:00Z\\tr\\ta        | unknown escape \\x",
            "v1\\t\\tc\\t2026-11-27T12:00:00Z\\tr\\ta              | eventId must not be empty",
            "v1\\te\\t\\t2026-11-27T12:00:00Z\\tr\\ta              | code must not be empty"
    })
    void rejectsMalformedMessages(String readable, String reason) {
        // The table spells a tab as \t and a backslash as \\ so that the rows stay readable.
        String wire = readable.equals("''") ? "" : readable.replace("\\\\", "\u0000").replace("\\t", "\t")
                .replace("\u0000", "\\");

        assertThatThrownBy(() -> ClickEvent.fromWire(wire))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(reason);
    }

    @Test
    void rejectsNull() {
        assertThatThrownBy(() -> ClickEvent.fromWire(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void abbreviatesHugeMalformedInputInTheMessage() {
        String huge = "v1\t" + "x".repeat(100_000);

        assertThatThrownBy(() -> ClickEvent.fromWire(huge))
                .isInstanceOf(IllegalArgumentException.class)
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(200));
    }

    @Test
    void requiresEveryComponent() {
        assertThatThrownBy(() -> new ClickEvent("e", "c", null, "r", "a")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new ClickEvent("e", "c", AT, null, "a")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new ClickEvent("e", "c", AT, "r", null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new ClickEvent(null, "c", AT, "r", "a"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ClickEvent("e", "", AT, "r", "a")).isInstanceOf(IllegalArgumentException.class);
    }
}
