package io.practicalsystems.kv.peer.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.practicalsystems.kv.peer.PeerFrames;
import io.practicalsystems.kv.peer.PeerKey;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The answering end's handshake: challenge, hello, welcome — and every way a caller that does not know fails. */
class PeerLinkSessionTest {

    final PeerServerFixture fixture = new PeerServerFixture();
    final PeerKey key = PeerKey.of(Optional.of(PeerServerFixture.SECRET)).orElseThrow();
    final SecureRandom random = new SecureRandom();

    /** What node n2 answers to the challenge the server sent on {@code socket}. */
    private PeerKey.Handshake handshakeOf(PeerServerFixture.Socket socket) {
        PeerFrames.Challenge challenge = PeerFrames.challenge(socket.sent.get(0).duplicate());
        return new PeerKey.Handshake(challenge.nonce(), challenge.serverId(), PeerKey.nonce(random), "n2");
    }

    /** Sends the hello node n2 sends, its proof made with {@code with}. */
    private PeerKey.Handshake answer(PeerServerFixture.Socket socket, PeerKey with, PeerLinkSession session) {
        PeerKey.Handshake handshake = handshakeOf(socket);
        session.message(PeerFrames.hello(handshake.clientNonce(), with.clientProof(handshake), "n2"));
        return handshake;
    }

    @Test
    void aPeerThatKnowsTheSecretIsAdmittedTheServerProvesItselfAndRequestsAreAnswered() {
        PeerServerFixture.Socket socket = new PeerServerFixture.Socket();
        PeerLinkSession session = fixture.server.open(socket);
        assertThat(socket.maxMessageBytes).isEqualTo(PeerLinkSettings.UNAUTHENTICATED_MAX_BYTES);
        assertThat(socket.idleTimeout).isEqualTo(PeerServerFixture.LIMITS.authTimeout());
        assertThat(PeerFrames.challenge(socket.sent.get(0).duplicate()).serverId()).isEqualTo("n1");

        PeerKey.Handshake handshake = answer(socket, key, session);

        assertThat(session.isAdmitted()).isTrue();
        assertThat(socket.closeCode).isNull();
        assertThat(PeerFrames.welcome(socket.last())).as("the server's proof, which the client checks")
                .containsExactly(key.serverProof(handshake));
        assertThat(socket.maxMessageBytes).isEqualTo(PeerServerFixture.LIMITS.maxMessageBytes());
        assertThat(socket.idleTimeout).isEqualTo(PeerServerFixture.LIMITS.idleTimeout());

        session.message(PeerFrames.get(5, "absent"));
        PeerFrames.Answer answer = PeerFrames.answer(socket.last());
        assertThat(answer.kind()).isEqualTo(PeerFrames.DONE);
        assertThat(answer.id()).isEqualTo(5);

        fixture.timers.fire(); // the handshake deadline was called off
        assertThat(socket.closeCode).isNull();
    }

    @Test
    void aWrongSecretIsClosedAsAPolicyViolationAndNothingIsAnswered() {
        PeerServerFixture.Socket socket = new PeerServerFixture.Socket();
        PeerLinkSession session = fixture.server.open(socket);
        answer(socket, PeerKey.of(Optional.of("a guess")).orElseThrow(), session);

        assertThat(socket.closeCode).isEqualTo(1008);
        assertThat(session.isAdmitted()).isFalse();
        session.message(PeerFrames.get(6, "k"));
        assertThat(socket.sent).as("only the challenge").hasSize(1);
    }

    @Test
    void aProofCapturedOnOneLinkFailsOnAnother() {
        PeerServerFixture.Socket first = new PeerServerFixture.Socket();
        PeerLinkSession firstSession = fixture.server.open(first);
        PeerKey.Handshake handshake = handshakeOf(first);
        ByteBuffer hello = PeerFrames.hello(handshake.clientNonce(), key.clientProof(handshake), "n2");
        firstSession.message(hello.duplicate());
        assertThat(firstSession.isAdmitted()).isTrue();

        PeerServerFixture.Socket second = new PeerServerFixture.Socket();
        PeerLinkSession replayed = fixture.server.open(second);
        replayed.message(hello.duplicate());

        assertThat(second.closeCode).as("a fresh nonce per link: the captured hello answers another challenge")
                .isEqualTo(1008);
        assertThat(replayed.isAdmitted()).isFalse();
    }

    @Test
    void aHelloThatLiesAboutWhoSentItFails() {
        PeerServerFixture.Socket socket = new PeerServerFixture.Socket();
        PeerLinkSession session = fixture.server.open(socket);
        PeerKey.Handshake handshake = handshakeOf(socket);

        session.message(PeerFrames.hello(handshake.clientNonce(), key.clientProof(handshake), "n3"));

        assertThat(socket.closeCode).isEqualTo(1008);
    }

    @Test
    void theServersOwnProofReflectedBackIsNotAClientProof() {
        PeerServerFixture.Socket socket = new PeerServerFixture.Socket();
        PeerLinkSession session = fixture.server.open(socket);
        PeerKey.Handshake handshake = handshakeOf(socket);

        session.message(PeerFrames.hello(handshake.clientNonce(), key.serverProof(handshake), "n2"));

        assertThat(socket.closeCode).isEqualTo(1008);
    }

    @Test
    void silenceUntilTheDeadlineIsClosed() {
        PeerServerFixture.Socket socket = new PeerServerFixture.Socket();
        fixture.server.open(socket);

        fixture.timers.fire();

        assertThat(socket.closeCode).isEqualTo(1008);
        assertThat(socket.closeReason).contains("no authentication within 3000 ms");
    }

    @Test
    void aRequestOrAnythingButAHelloFirstIsClosed() {
        PeerServerFixture.Socket socket = new PeerServerFixture.Socket();
        PeerLinkSession session = fixture.server.open(socket);

        session.message(PeerFrames.get(1, "k"));

        assertThat(socket.closeCode).isEqualTo(1008);
        assertThat(socket.sent).hasSize(1);
    }

    @Test
    void aFrameBiggerThanTheUnauthenticatedLimitIsClosedUnread() {
        PeerServerFixture.Socket socket = new PeerServerFixture.Socket();
        PeerLinkSession session = fixture.server.open(socket);
        byte[] big = new byte[PeerLinkSettings.UNAUTHENTICATED_MAX_BYTES + 1];
        Arrays.fill(big, PeerFrames.HELLO);

        session.message(ByteBuffer.wrap(big));

        assertThat(socket.closeCode).isEqualTo(1009);
    }

    @Test
    void aNodeWithoutAClusterSecretRefusesEveryLinkAtOnce() {
        PeerServerFixture none = new PeerServerFixture(Optional.empty());
        PeerServerFixture.Socket socket = new PeerServerFixture.Socket();

        none.server.open(socket);

        assertThat(socket.closeCode).isEqualTo(1008);
        assertThat(socket.sent).as("not even a challenge").isEmpty();
    }

    @Test
    void theSecretIsNeverInWhatTheServerSends() {
        PeerServerFixture.Socket socket = new PeerServerFixture.Socket();
        PeerLinkSession session = fixture.server.open(socket);
        answer(socket, key, session);
        session.message(PeerFrames.get(2, "k"));

        byte[] secret = PeerServerFixture.SECRET.getBytes(StandardCharsets.UTF_8);
        for (ByteBuffer message : socket.sent) {
            byte[] bytes = new byte[message.remaining()];
            message.duplicate().get(bytes);
            assertThat(indexOf(bytes, secret)).isEqualTo(-1);
        }
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        return -1;
    }
}
