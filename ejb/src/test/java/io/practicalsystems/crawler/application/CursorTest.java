package io.practicalsystems.crawler.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CursorTest {

    @Test
    void anyPositionRoundTripsAndTheCursorIsUrlSafe() {
        qt().forAll(strings().betweenCodePoints(0x20, 0xD7FF).ofLengthBetween(1, 200)).checkAssert(position -> {
            String cursor = Cursor.encode("p", position);
            assertThat(cursor).matches("[A-Za-z0-9_-]+");
            assertThat(Cursor.decode("p", cursor)).isEqualTo(position);
        });
    }

    @Test
    void noCursorMeansTheFirstPage() {
        assertThat(Cursor.decode("p", null)).isNull();
        assertThat(Cursor.decode("p", " ")).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"%%%", "not base64!", "cDo", "eDphYmM"})
    void garbageOrAnotherListingsCursorIsRefused(String cursor) {
        // "cDo" is "p:" (no position), "eDphYmM" is "x:abc" (another kind)
        assertThatThrownBy(() -> Cursor.decode("p", cursor)).isInstanceOf(InvalidCursorException.class)
                .hasMessageContaining("pass back the 'next' value");
    }

    @Test
    void anOverlongCursorIsRefusedBeforeDecoding() {
        assertThatThrownBy(() -> Cursor.decode("p", "A".repeat(Cursor.MAX_LENGTH + 1)))
                .isInstanceOf(InvalidCursorException.class).hasMessageContaining("longer than 1024");
    }

    @Test
    void aListingFetchedWithOneExtraItemKnowsWhetherMoreFollow() {
        Listing<String> full = Listing.ofOneExtra(List.of("a", "b", "c"), 2, s -> s, "p");
        assertThat(full.items()).containsExactly("a", "b");
        assertThat(Cursor.decode("p", full.next())).isEqualTo("b");
        Listing<String> last = Listing.ofOneExtra(List.of("a", "b"), 2, s -> s, "p");
        assertThat(last.items()).containsExactly("a", "b");
        assertThat(last.next()).isNull();
    }
}
