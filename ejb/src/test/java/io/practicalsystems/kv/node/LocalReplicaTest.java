package io.practicalsystems.kv.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.practicalsystems.kv.ring.NodeId;
import io.practicalsystems.kv.sim.SimStore;
import io.practicalsystems.kv.storage.Blob;
import io.practicalsystems.kv.version.CausalContext;
import io.practicalsystems.kv.version.DottedVersionVectorSet;
import io.practicalsystems.kv.version.Versioned;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LocalReplicaTest {

    static final Instant T = Instant.parse("2026-01-01T00:00:00Z");
    final LocalReplica replica = new LocalReplica(new SimStore());

    @Test
    void removesAKeyOnlyIfItDidNotChangeSinceItWasHandedOver() {
        DottedVersionVectorSet<Blob> handedOver = replica.update("k", CausalContext.empty(),
                Versioned.of(Blob.ofUtf8("v1"), T), NodeId.of("a")).copy();
        DottedVersionVectorSet<Blob> concurrent = DottedVersionVectorSet.<Blob>empty()
                .update(CausalContext.empty(), Versioned.of(Blob.ofUtf8("v2"), T), NodeId.of("b"));
        replica.merge("k", concurrent); // arrives after the hand-over was sent

        assertThat(replica.removeIfUnchanged("k", handedOver.versionDigest())).isFalse();
        assertThat(replica.get("k")).isPresent();

        byte[] current = replica.get("k").orElseThrow().versionDigest();
        assertThat(replica.removeIfUnchanged("k", current)).isTrue();
        assertThat(replica.get("k")).isEmpty();
        assertThat(replica.removeIfUnchanged("k", current)).isFalse();
    }
}
