package io.practicalsystems.kv.peer.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.practicalsystems.kv.peer.KvWire;
import io.practicalsystems.kv.peer.PeerFrames;
import io.practicalsystems.kv.peer.PeerKey;
import io.practicalsystems.kv.storage.ObjectLimits;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A forwarded write that would take its key past the object limits is answered with the refusal — which limit, how
 * far — on both transports' server side, and stores nothing.
 */
class ForwardRefusalTest {

    /** 2 siblings, 10 bytes of values per key. */
    final PeerServerFixture fixture = new PeerServerFixture(Optional.of(PeerServerFixture.SECRET),
            new ObjectLimits(10, 2));

    private static KvWire.Write blind(String key, String value) {
        return new KvWire.Write(key, null, Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)),
                0, 0);
    }

    @Test
    void aThirdSiblingIsRefusedAs409NamingTheSiblingLimitAndNothingIsStored() {
        fixture.pileUp("k", "a", "b");

        ForwardOutcome outcome = fixture.server.forward(blind("k", "c")).join();

        assertThat(outcome).isInstanceOfSatisfying(ForwardOutcome.Refused.class, refused -> {
            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.refusal()).isEqualTo(new KvWire.LimitRefusal("SIBLINGS", 2, 3));
        });
        assertThat(fixture.stored("k")).containsExactly("a", "b");
    }

    @Test
    void tooManyBytesAreRefusedAs413NamingTheByteLimit() {
        fixture.pileUp("big", "12345678");

        ForwardOutcome outcome = fixture.server.forward(blind("big", "123")).join();

        assertThat(outcome).isInstanceOfSatisfying(ForwardOutcome.Refused.class, refused -> {
            assertThat(refused.status()).isEqualTo(413);
            assertThat(refused.refusal()).isEqualTo(new KvWire.LimitRefusal("BYTES", 10, 11));
        });
        assertThat(fixture.stored("big")).containsExactly("12345678");
    }

    @Test
    void overAPeerLinkTheRefusalIsARefusedFrameForTheCallItAnswers() {
        fixture.pileUp("k", "a", "b");
        PeerServerFixture.Socket socket = new PeerServerFixture.Socket();
        PeerLinkSession session = fixture.server.open(socket);
        PeerKey key = PeerKey.of(Optional.of(PeerServerFixture.SECRET)).orElseThrow();
        PeerFrames.Challenge challenge = PeerFrames.challenge(socket.sent.get(0).duplicate());
        PeerKey.Handshake handshake = new PeerKey.Handshake(challenge.nonce(), challenge.serverId(),
                PeerKey.nonce(new SecureRandom()), "n2");
        session.message(PeerFrames.hello(handshake.clientNonce(), key.clientProof(handshake), "n2"));
        assertThat(session.isAdmitted()).isTrue();

        session.message(PeerFrames.forward(77, fixture.jsonb.toJson(blind("k", "c"))
                .getBytes(StandardCharsets.UTF_8)));

        PeerFrames.Answer answer = PeerFrames.answer(socket.last());
        assertThat(answer.kind()).isEqualTo(PeerFrames.REFUSED);
        assertThat(answer.id()).isEqualTo(77);
        assertThat(fixture.jsonb.fromJson(new String(answer.body(), StandardCharsets.UTF_8),
                KvWire.LimitRefusal.class)).isEqualTo(new KvWire.LimitRefusal("SIBLINGS", 2, 3));
        assertThat(fixture.stored("k")).isEqualTo(List.of("a", "b"));
    }
}
