package io.practicalsystems.kv.version;

import io.practicalsystems.kv.ring.NodeId;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Two clients read the same version and write through the same coordinator: only dots keep both writes. */
class NaiveVectorClockLosesWritesTest {

    static final NodeId COORDINATOR = NodeId.of("n1");

    @ParameterizedTest
    @EnumSource(NaiveVectorClockStore.Clocking.class)
    void perNodeVectorClocksSilentlyDropOneOfTwoSameContextWrites(NaiveVectorClockStore.Clocking clocking) {
        NaiveVectorClockStore<String> store = new NaiveVectorClockStore<>(clocking);
        store.write(VersionVector.empty(), "v0", COORDINATOR);
        VersionVector readByBoth = store.context();

        store.write(readByBoth, "x", COORDINATOR);
        store.write(readByBoth, "y", COORDINATOR);

        assertThat(store.values()).as("one of x, y is lost").hasSize(1).containsAnyOf("x", "y");
    }

    @Test
    void dottedVersionVectorSetKeepsBoth() {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        DottedVersionVectorSet<String> store = DottedVersionVectorSet.<String>empty()
                .update(CausalContext.empty(), Versioned.of("v0", now), COORDINATOR);
        CausalContext readByBoth = store.context();

        store = store.update(readByBoth, Versioned.of("x", now), COORDINATOR);
        store = store.update(readByBoth, Versioned.of("y", now), COORDINATOR);

        assertThat(store.liveValues()).containsExactly("x", "y");
    }
}
