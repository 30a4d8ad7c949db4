package io.practicalsystems.kv.version;

import io.practicalsystems.kv.ring.NodeId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TombstoneTest {

    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    static final Instant DELETED_AT = T0.plusSeconds(60);
    static final Duration GRACE = Duration.ofDays(10);
    static final NodeId N1 = NodeId.of("n1");
    static final NodeId N2 = NodeId.of("n2");

    static final DottedVersionVectorSet<String> WRITTEN = DottedVersionVectorSet.<String>empty()
            .update(CausalContext.empty(), Versioned.of("v", T0), N1);
    static final DottedVersionVectorSet<String> DELETED = WRITTEN.update(WRITTEN.context(),
            Versioned.tombstone(DELETED_AT), N1);

    @Test
    void aDeleteIsAVersionedTombstoneThatKeepsTheHistory() {
        assertThat(DELETED.liveValues()).isEmpty();
        assertThat(DELETED.isEmpty()).isFalse();
        assertThat(DELETED.values()).singleElement().satisfies(v -> {
            assertThat(v.isTombstone()).isTrue();
            assertThat(v.writtenAt()).isEqualTo(DELETED_AT);
        });
        assertThat(DELETED.context().vector().dominates(WRITTEN.context().vector())).isTrue();
    }

    @Test
    void aLateCopyOfTheDeletedValueStaysDeleted() {
        assertThat(DELETED.sync(WRITTEN).liveValues()).isEmpty();
        assertThat(WRITTEN.sync(DELETED)).isEqualTo(DELETED);
    }

    @Test
    void collectableOnlyOnceTheGracePeriodHasElapsed() {
        assertThat(DELETED.isCollectable(DELETED_AT, GRACE)).isFalse();
        assertThat(DELETED.isCollectable(DELETED_AT.plus(GRACE).minusNanos(1), GRACE)).isFalse();
        assertThat(DELETED.isCollectable(DELETED_AT.plus(GRACE), GRACE)).isTrue();
        assertThat(DELETED.isCollectable(DELETED_AT.plus(GRACE).plusSeconds(1), GRACE)).isTrue();
    }

    @Test
    void liveDataIsNeverCollected() {
        assertThat(WRITTEN.isCollectable(T0.plus(Duration.ofDays(3650)), GRACE)).isFalse();
        assertThat(DottedVersionVectorSet.<String>empty().isCollectable(T0, GRACE)).isFalse();
    }

    @Test
    void aDeleteConcurrentWithAnUpdateLeavesBothAndIsNotCollectable() {
        DottedVersionVectorSet<String> updatedElsewhere = WRITTEN.update(WRITTEN.context(),
                Versioned.of("v2", DELETED_AT), N2);

        DottedVersionVectorSet<String> both = DELETED.sync(updatedElsewhere);

        assertThat(both.liveValues()).containsExactly("v2");
        assertThat(both.values()).hasSize(2);
        assertThat(both.isCollectable(DELETED_AT.plus(GRACE.multipliedBy(2)), GRACE)).isFalse();
    }

    @Test
    void twoTombstonesAreCollectableWhenTheYoungerOneIs() {
        DottedVersionVectorSet<String> secondDelete = WRITTEN.update(WRITTEN.context(),
                Versioned.tombstone(DELETED_AT.plusSeconds(30)), N2);
        DottedVersionVectorSet<String> both = DELETED.sync(secondDelete);

        assertThat(both.values()).hasSize(2);
        assertThat(both.isCollectable(DELETED_AT.plus(GRACE), GRACE)).isFalse();
        assertThat(both.isCollectable(DELETED_AT.plus(GRACE).plusSeconds(30), GRACE)).isTrue();
    }

    @Test
    void collectingTooEarlyWouldResurrectAStaleCopyWhichIsWhatTheGracePeriodIsFor() {
        DottedVersionVectorSet<String> collected = DottedVersionVectorSet.empty();

        assertThat(collected.sync(WRITTEN).liveValues()).containsExactly("v");
    }

    @Test
    void writingAfterADeleteStartsAfresh() {
        DottedVersionVectorSet<String> rewritten = DELETED.update(DELETED.context(),
                Versioned.of("again", DELETED_AT.plusSeconds(1)), N2);

        assertThat(rewritten.values()).singleElement().extracting(Versioned::value).isEqualTo("again");
    }

    @Test
    void rejectsNegativeGraceAndValuelessLiveWrites() {
        assertThatThrownBy(() -> DELETED.isCollectable(T0, Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Versioned.of(null, T0)).isInstanceOf(NullPointerException.class);
    }
}
