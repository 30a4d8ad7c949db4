package io.practicalsystems.shortener;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class ClickEventWirePropertyTest {

    @Property
    void fromWireInvertsToWire(@ForAll("events") ClickEvent event) {
        assertThat(ClickEvent.fromWire(event.toWire())).isEqualTo(event);
    }

    @Property
    void wireFormIsOneLineWithExactlyFiveSeparators(@ForAll("events") ClickEvent event) {
        String wire = event.toWire();

        assertThat(wire).startsWith("v1\t").doesNotContain("\n", "\r");
        assertThat(wire.chars().filter(c -> c == '\t').count()).isEqualTo(5);
    }

    @Provide
    Arbitrary<ClickEvent> events() {
        return Combinators.combine(text(1), text(1), instants(), text(0), text(0)).as(ClickEvent::new);
    }

    /** Any characters, weighted towards the ones the format must escape. */
    private static Arbitrary<String> text(int minLength) {
        Arbitrary<String> awkward = Arbitraries.strings().withChars('\t', '\n', '\r', '\\', 't', 'n', 'r', 'v', '1')
                .ofMinLength(minLength).ofMaxLength(12);
        Arbitrary<String> anything = Arbitraries.strings().all().ofMinLength(minLength).ofMaxLength(40);
        return Arbitraries.oneOf(awkward, anything);
    }

    /** The whole range {@link Instant} supports, to the nanosecond. */
    private static Arbitrary<Instant> instants() {
        return Combinators.combine(
                        Arbitraries.longs().between(Instant.MIN.getEpochSecond(), Instant.MAX.getEpochSecond()),
                        Arbitraries.integers().between(0, 999_999_999))
                .as(Instant::ofEpochSecond);
    }
}
