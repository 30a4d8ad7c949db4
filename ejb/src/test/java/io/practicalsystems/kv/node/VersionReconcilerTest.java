package io.practicalsystems.kv.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.practicalsystems.kv.ring.NodeId;
import io.practicalsystems.kv.storage.Blob;
import io.practicalsystems.kv.version.CausalContext;
import io.practicalsystems.kv.version.DottedVersionVectorSet;
import io.practicalsystems.kv.version.Versioned;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class VersionReconcilerTest {

    static final Instant T = Instant.parse("2026-01-01T00:00:00Z");
    final VersionReconciler reconciler = new VersionReconciler();

    static DottedVersionVectorSet<Blob> write(DottedVersionVectorSet<Blob> base, CausalContext context, String value,
            String node) {
        return base.update(context, Versioned.of(Blob.ofUtf8(value), T), NodeId.of(node));
    }

    @Test
    void concurrentWritesMergeIntoSiblingsAndAStaleReplicaIsNotCovered() {
        DottedVersionVectorSet<Blob> a = write(DottedVersionVectorSet.empty(), CausalContext.empty(), "a", "n1");
        DottedVersionVectorSet<Blob> b = write(DottedVersionVectorSet.empty(), CausalContext.empty(), "b", "n2");

        DottedVersionVectorSet<Blob> merged = reconciler.merge(List.of(a, b));

        assertThat(merged.liveValues()).containsExactlyInAnyOrder(Blob.ofUtf8("a"), Blob.ofUtf8("b"));
        assertThat(reconciler.covers(a, merged)).isFalse();
        assertThat(reconciler.covers(merged, merged)).isTrue();
    }

    @Test
    void aNewerReplicaCoversTheMergeOfItselfAndAnOlderOne() {
        DottedVersionVectorSet<Blob> old = write(DottedVersionVectorSet.empty(), CausalContext.empty(), "old", "n1");
        DottedVersionVectorSet<Blob> newer = write(old, old.context(), "new", "n1");

        DottedVersionVectorSet<Blob> merged = reconciler.merge(List.of(old, newer));

        assertThat(merged.liveValues()).containsExactly(Blob.ofUtf8("new"));
        assertThat(reconciler.covers(newer, merged)).isTrue();
        assertThat(reconciler.covers(old, merged)).isFalse();
    }
}
