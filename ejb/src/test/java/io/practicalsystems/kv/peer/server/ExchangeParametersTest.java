package io.practicalsystems.kv.peer.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.practicalsystems.kv.peer.KvWire;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The anti-entropy exchange a peer names in its Merkle calls: malformed names are the caller's fault (400). */
class ExchangeParametersTest {

    final PeerServerFixture fixture = new PeerServerFixture();

    @Test
    void anExchangeAndItsRootAreAccepted() {
        fixture.pileUp("k", "a");
        String root = fixture.server.merkleLeaves(0, 0, 0, null, null).get(0);

        assertThat(fixture.server.merkleLeaves(0, 0, 0, "x1", root)).containsExactly(root);
        assertThat(fixture.server.bucketDigests(new KvWire.DigestRequest(0, 0, 0, List.of(0), "x1")))
                .containsOnlyKeys("k");
    }

    @Test
    void anOverlongExchangeIdOrAMalformedRootIs400() {
        PeerRefusedException longId = catchThrowableOfType(
                () -> fixture.server.merkleLeaves(0, 0, 0, "x".repeat(65), null), PeerRefusedException.class);
        PeerRefusedException badRoot = catchThrowableOfType(
                () -> fixture.server.merkleLeaves(0, 0, 0, "x1", "not base64!"), PeerRefusedException.class);
        PeerRefusedException emptyId = catchThrowableOfType(() -> fixture.server.bucketDigests(
                new KvWire.DigestRequest(0, 0, 0, List.of(0), "")), PeerRefusedException.class);

        assertThat(List.of(longId, badRoot, emptyId)).allSatisfy(refused -> {
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.getMessage()).startsWith("malformed node-to-node message: ").doesNotContain("Exception");
        });
        assertThat(longId.getMessage()).contains("1..64 characters");
    }
}
