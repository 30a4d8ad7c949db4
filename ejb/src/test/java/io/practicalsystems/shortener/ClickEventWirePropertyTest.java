package io.practicalsystems.shortener;

import static org.assertj.core.api.Assertions.assertThat;

import static org.quicktheories.QuickTheory.qt;

import io.practicalsystems.testsupport.Gens;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

class ClickEventWirePropertyTest {

    @Test
    void fromWireInvertsToWire() {
        qt().forAll(events()).checkAssert(event -> assertThat(ClickEvent.fromWire(event.toWire())).isEqualTo(event));
    }

    @Test
    void wireFormIsOneLineWithExactlyFiveSeparators() {
        qt().forAll(events()).checkAssert(event -> {
            String wire = event.toWire();

            assertThat(wire).startsWith("v1\t").doesNotContain("\n", "\r");
            assertThat(wire.chars().filter(c -> c == '\t').count()).isEqualTo(5);
        });
    }

    private static Gen<ClickEvent> events() {
        return text(1).zip(text(1), Gens.instants(), text(0), text(0), ClickEvent::new)
                .describedAs(event -> Gens.readable(event.toString()));
    }

    /** Any characters, weighted towards the ones the format must escape. */
    private static Gen<String> text(int minLength) {
        Gen<String> awkward = Gens.stringsOf("\t\n\r\\tnrv1", minLength, 12);
        Gen<String> anything = Gens.anyChars(minLength, 40);
        return Generate.oneOf(awkward, anything);
    }
}
