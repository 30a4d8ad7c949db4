package io.practicalsystems.kv.peer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PeerFramesTest {

    private static final byte[] COPY = {1, 2, 3, 0, (byte) 0xFF};

    @ParameterizedTest
    @ValueSource(strings = {"", "k", "日本語/😀", "a\u0000b"})
    void aPutRoundTripsWithAndWithoutAHint(String key) {
        PeerFrames.Request plain = PeerFrames.request(PeerFrames.put(7, key, Optional.empty(), COPY));
        PeerFrames.Request hinted = PeerFrames.request(PeerFrames.put(8, key, Optional.of("kv-3"), COPY));

        assertThat(plain.kind()).isEqualTo(PeerFrames.PUT);
        assertThat(plain.id()).isEqualTo(7);
        assertThat(plain.key()).isEqualTo(key);
        assertThat(plain.hintFor()).isEmpty();
        assertThat(plain.body()).containsExactly(COPY);
        assertThat(hinted.hintFor()).contains("kv-3");
        assertThat(hinted.body()).containsExactly(COPY);
    }

    @Test
    void aGetRoundTrips() {
        PeerFrames.Request get = PeerFrames.request(PeerFrames.get(Long.MAX_VALUE, "key"));
        assertThat(get.kind()).isEqualTo(PeerFrames.GET);
        assertThat(get.id()).isEqualTo(Long.MAX_VALUE);
        assertThat(get.key()).isEqualTo("key");
        assertThat(get.body()).isEmpty();
    }

    @Test
    void answersRoundTripAndNameTheirCall() {
        assertThat(PeerFrames.answer(PeerFrames.done(3))).satisfies(a -> {
            assertThat(a.kind()).isEqualTo(PeerFrames.DONE);
            assertThat(a.id()).isEqualTo(3);
            assertThat(a.body()).isEmpty();
        });
        assertThat(PeerFrames.answer(PeerFrames.copy(4, COPY)).body()).containsExactly(COPY);
        PeerFrames.Answer failed = PeerFrames.answer(PeerFrames.failed(5, "store closed"));
        assertThat(failed.kind()).isEqualTo(PeerFrames.FAILED);
        assertThat(new String(failed.body(), StandardCharsets.UTF_8)).isEqualTo("store closed");
    }

    @Test
    void aForwardedWriteAndItsOutcomesRoundTrip() {
        byte[] write = "{\"key\":\"k\"}".getBytes(StandardCharsets.UTF_8);
        PeerFrames.Request forward = PeerFrames.request(PeerFrames.forward(9, write));
        assertThat(forward.kind()).isEqualTo(PeerFrames.FORWARD);
        assertThat(forward.id()).isEqualTo(9);
        assertThat(forward.body()).containsExactly(write);

        PeerFrames.Answer written = PeerFrames.answer(PeerFrames.outcome(PeerFrames.WRITTEN, 9, write));
        assertThat(written.kind()).isEqualTo(PeerFrames.WRITTEN);
        assertThat(written.body()).containsExactly(write);
        assertThat(PeerFrames.answer(PeerFrames.outcome(PeerFrames.NO_QUORUM, 10, write)).kind())
                .isEqualTo(PeerFrames.NO_QUORUM);
        byte[] refusal = "{\"limit\":\"SIBLINGS\",\"allowed\":32,\"actual\":33}".getBytes(StandardCharsets.UTF_8);
        PeerFrames.Answer refused = PeerFrames.answer(PeerFrames.outcome(PeerFrames.REFUSED, 12, refusal));
        assertThat(refused.kind()).isEqualTo(PeerFrames.REFUSED);
        assertThat(refused.id()).isEqualTo(12);
        assertThat(refused.body()).containsExactly(refusal);
        assertThatThrownBy(() -> PeerFrames.outcome(PeerFrames.DONE, 11, write))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** A peer one version ahead may answer with a kind this node does not know: only that call fails on it. */
    @Test
    void anAnswerOfAnUnknownKindStillNamesItsCall() {
        ByteBuffer future = ByteBuffer.allocate(12).put((byte) 0x9A).putLong(13).put(new byte[] {1, 2, 3}).flip();

        PeerFrames.Answer answer = PeerFrames.answer(future);

        assertThat(answer.kind()).isEqualTo((byte) 0x9A);
        assertThat(answer.id()).isEqualTo(13);
        assertThat(answer.body()).containsExactly(1, 2, 3);
        assertThatThrownBy(() -> PeerFrames.answer(ByteBuffer.wrap(new byte[] {(byte) 0x9A, 1})))
                .as("still no id to answer").isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theHandshakeFramesRoundTripAndNothingElseIsOne() {
        byte[] nonce = new byte[PeerKey.NONCE_BYTES];
        Arrays.fill(nonce, (byte) 7);
        byte[] proof = new byte[PeerKey.PROOF_BYTES];
        Arrays.fill(proof, (byte) 9);

        PeerFrames.Challenge challenge = PeerFrames.challenge(PeerFrames.challenge(nonce, "kv-2 ü"));
        assertThat(challenge.nonce()).containsExactly(nonce);
        assertThat(challenge.serverId()).isEqualTo("kv-2 ü");
        PeerFrames.Hello hello = PeerFrames.hello(PeerFrames.hello(nonce, proof, "kv-1"));
        assertThat(hello.nonce()).containsExactly(nonce);
        assertThat(hello.proof()).containsExactly(proof);
        assertThat(hello.clientId()).isEqualTo("kv-1");
        assertThat(PeerFrames.welcome(PeerFrames.welcome(proof))).containsExactly(proof);

        assertThatThrownBy(() -> PeerFrames.hello(PeerFrames.get(1, "k"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PeerFrames.hello(ByteBuffer.allocate(0)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PeerFrames.hello(ByteBuffer.wrap(new byte[] {PeerFrames.HELLO, 1, 2})))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("truncated");
        assertThatThrownBy(() -> PeerFrames.welcome(ByteBuffer.wrap(Arrays.copyOf(
                new byte[] {PeerFrames.WELCOME}, 40)))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void decodingLeavesTheMessageReadableAgain() {
        ByteBuffer message = PeerFrames.get(9, "k");
        PeerFrames.request(message);
        assertThat(PeerFrames.request(message).id()).isEqualTo(9);
    }

    @Test
    void truncatedOrForeignMessagesAreRejectedClearly() {
        ByteBuffer put = PeerFrames.put(1, "key", Optional.of("kv-2"), COPY);
        byte[] bytes = new byte[put.remaining()];
        put.get(bytes);
        for (int length = 0; length < 1 + 8 + 2 + 3 + 2 + 4; length++) {
            ByteBuffer truncated = ByteBuffer.wrap(Arrays.copyOf(bytes, length));
            assertThatThrownBy(() -> PeerFrames.request(truncated)).as("first %d bytes", length)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> PeerFrames.request(PeerFrames.done(1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a request");
        assertThatThrownBy(() -> PeerFrames.answer(PeerFrames.get(1, "k")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not an answer");
        ByteBuffer getWithTrailer = ByteBuffer.allocate(20).put(PeerFrames.get(1, "k")).put((byte) 1).flip();
        assertThatThrownBy(() -> PeerFrames.request(getWithTrailer)).isInstanceOf(IllegalArgumentException.class);
        ByteBuffer doneWithBody = ByteBuffer.allocate(10).put(PeerFrames.done(1)).put((byte) 1).flip();
        assertThatThrownBy(() -> PeerFrames.answer(doneWithBody)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aKeyTooLongForTheLengthFieldIsRefused() {
        assertThatThrownBy(() -> PeerFrames.get(1, "x".repeat(70_000))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("too long");
    }
}
