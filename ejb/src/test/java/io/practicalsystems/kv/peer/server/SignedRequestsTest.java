package io.practicalsystems.kv.peer.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.practicalsystems.kv.peer.PeerKey;
import io.practicalsystems.kv.peer.RequestSignature;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** An HTTP node-to-node call is admitted only if signed with the cluster key, for this call, at about now. */
class SignedRequestsTest {

    static final String TARGET = "/api/kv-internal/replica?key=a%2Fb+c";
    final PeerServerFixture fixture = new PeerServerFixture();
    final PeerKey key = PeerKey.of(Optional.of(PeerServerFixture.SECRET)).orElseThrow();
    final byte[] body = "a copy".getBytes(StandardCharsets.UTF_8);

    private String signed(PeerKey with, String method, String target, long time, byte[] signedBody) {
        return RequestSignature.sign(with, method, target, time, "n2", signedBody).header();
    }

    private long now() {
        return fixture.timers.now().toEpochMilli();
    }

    @Test
    void aCallSignedForThisMethodTargetAndBodyIsAdmitted() {
        RequestSignature signature = fixture.server.admitRequest("POST", TARGET, signed(key, "POST", TARGET, now(),
                body));
        fixture.server.checkBody(signature, body);
        assertThat(signature.sender()).isEqualTo("n2");
    }

    @Test
    void theSecretItselfIsNotInTheHeader() {
        assertThat(signed(key, "POST", TARGET, now(), body)).doesNotContain(PeerServerFixture.SECRET);
    }

    @Test
    void aWrongKeyAMissingOrMalformedHeaderOrAnotherCallsSignatureIsRefused() {
        PeerKey guess = PeerKey.of(Optional.of("a guess")).orElseThrow();
        assertRefused("POST", TARGET, signed(guess, "POST", TARGET, now(), body));
        assertRefused("POST", TARGET, null);
        assertRefused("POST", TARGET, PeerServerFixture.SECRET); // the old header's value: not a signature
        assertRefused("POST", TARGET, "n2 12 not-base64! x");
        assertRefused("GET", TARGET, signed(key, "POST", TARGET, now(), body));
        assertRefused("POST", "/api/kv-internal/replica?key=other", signed(key, "POST", TARGET, now(), body));
    }

    @Test
    void aSignatureOutsideTheClockWindowIsRefusedEitherWay() {
        long window = PeerServerFixture.LIMITS.maxClockSkew().toMillis();
        fixture.server.admitRequest("GET", TARGET, signed(key, "GET", TARGET, now() - window, body));
        fixture.server.admitRequest("GET", TARGET, signed(key, "GET", TARGET, now() + window, body));

        String captured = signed(key, "GET", TARGET, now(), body);
        fixture.timers.now = fixture.timers.now.plus(Duration.ofMillis(window + 1));
        assertThatThrownBy(() -> fixture.server.admitRequest("GET", TARGET, captured))
                .isInstanceOf(PeerRefusedException.class).hasMessageContaining("from this node's clock");
        assertRefused("GET", TARGET, signed(key, "GET", TARGET, now() + window + 1, body));
    }

    @Test
    void aBodyOtherThanTheSignedOneIsRefused() {
        RequestSignature signature = fixture.server.admitRequest("POST", TARGET, signed(key, "POST", TARGET, now(),
                body));
        assertThatThrownBy(() -> fixture.server.checkBody(signature, "another copy".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(PeerRefusedException.class).hasMessageContaining("body");
    }

    @Test
    void aNodeWithoutAClusterSecretRefusesEveryCall() {
        PeerServerFixture none = new PeerServerFixture(Optional.empty());
        assertThatThrownBy(() -> none.server.admitRequest("GET", TARGET, signed(key, "GET", TARGET, now(), body)))
                .isInstanceOf(PeerRefusedException.class).hasMessageContaining("no cluster secret");
    }

    private void assertRefused(String method, String target, String header) {
        assertThatThrownBy(() -> fixture.server.admitRequest(method, target, header))
                .isInstanceOf(PeerRefusedException.class)
                .satisfies(e -> assertThat(((PeerRefusedException) e).status()).isEqualTo(403));
    }
}
