package io.practicalsystems.kv.peer;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The binary messages of the WebSocket peer link ({@link WebSocketNodeTransport}): the hot node-to-node calls — a
 * replica's copy of a key, read or merged, and a client write forwarded to a replica that coordinates it — without
 * HTTP request parsing and routing on every call.
 *
 * <pre>
 * challenge: 0x11 | nonce (32) | server id (UTF-8, rest)         the server's first message on every link
 * hello    : 0x01 | nonce (32) | proof (32) | client id (rest)   the client's answer: {@link PeerKey#clientProof}
 * welcome  : 0x12 | proof (32)                                   the server's: {@link PeerKey#serverProof}
 * put      : 0x02 | id (8) | key (2 + n) | hintFor (2 + n, length 0xFFFF = none) | copy (rest)
 * get      : 0x03 | id (8) | key (2 + n)
 * forward  : 0x04 | id (8) | write (JSON, rest)                   a client write for the peer to coordinate
 * done     : 0x81 | id (8)                                        a put merged; a get found no copy
 * copy     : 0x82 | id (8) | copy (rest)                          a get's copy (SiblingSetCodec bytes)
 * failed   : 0x83 | id (8) | message (UTF-8, rest)
 * written  : 0x84 | id (8) | result (JSON, rest)                  a forwarded write reached its quorum
 * noQuorum : 0x85 | id (8) | failure (JSON, rest)                 a forwarded write did not
 * refused  : 0x86 | id (8) | refusal (JSON, rest)                 a forwarded write past its key's object limits
 * </pre>
 * No request is sent before the welcome, and none is answered before the hello checked out; the secret itself
 * never travels. Each request carries an id the answer repeats, so many calls share one link and may be answered out of order.
 * Decoding anything malformed throws {@link IllegalArgumentException}.
 *
 * <p>Kinds from 0x80 up are answers. {@link #answer} decodes one of a kind it does not know too, so that only the call
 * it answers fails ({@code expect} in the transports: "answered with message kind …", an unknown outcome) and the link
 * stays: a peer one version ahead must not break every call on the link. Nodes from before {@code refused} existed do
 * not do that: they drop a {@code refused} as malformed and fail every call waiting on that link, but the link stays
 * and nothing crashes. The refused write is then reported as "outcome unknown", as it always was; the other calls are
 * merges or reads their caller tolerates failing, or forwards reported as unknown. So during a rolling upgrade an
 * over-limit write forwarded by an old node costs that link's in-flight calls one failure each; once both ends are
 * upgraded, the client gets the 409/413.
 */
public final class PeerFrames {

    public static final byte HELLO = 0x01;
    public static final byte CHALLENGE = 0x11;
    public static final byte WELCOME = 0x12;
    public static final byte PUT = 0x02;
    public static final byte GET = 0x03;
    public static final byte FORWARD = 0x04;
    public static final byte DONE = (byte) 0x81;
    public static final byte COPY = (byte) 0x82;
    public static final byte FAILED = (byte) 0x83;
    public static final byte WRITTEN = (byte) 0x84;
    public static final byte NO_QUORUM = (byte) 0x85;
    public static final byte REFUSED = (byte) 0x86;
    private static final int NO_HINT = 0xFFFF;

    private PeerFrames() {
    }

    /**
     * A decoded request. {@code body} is a put's copy or a forward's write; empty for a get. {@code key} is empty for
     * a forward (the write names its key).
     */
    public record Request(byte kind, long id, String key, Optional<String> hintFor, byte[] body) {
    }

    /**
     * A decoded answer: {@code body} is the copy for {@link #COPY}, the message for {@link #FAILED}, the result, the
     * failure or the refusal for {@link #WRITTEN}, {@link #NO_QUORUM} and {@link #REFUSED}; whatever followed the id
     * for a kind this version does not know.
     */
    public record Answer(byte kind, long id, byte[] body) {
    }

    /** The server's challenge: a fresh nonce and who the server is. */
    public record Challenge(byte[] nonce, String serverId) {
    }

    /** The client's answer to a challenge. */
    public record Hello(byte[] nonce, byte[] proof, String clientId) {
    }

    public static ByteBuffer challenge(byte[] nonce, String serverId) {
        byte[] id = text(serverId);
        return ByteBuffer.allocate(1 + nonce.length + id.length).put(CHALLENGE).put(nonce).put(id).flip();
    }

    public static Challenge challenge(ByteBuffer message) {
        ByteBuffer in = expectKind(message, CHALLENGE, "challenge");
        byte[] nonce = bytes(in, PeerKey.NONCE_BYTES, "challenge");
        return new Challenge(nonce, string(in, in.remaining()));
    }

    public static ByteBuffer hello(byte[] nonce, byte[] proof, String clientId) {
        byte[] id = text(clientId);
        return ByteBuffer.allocate(1 + nonce.length + proof.length + id.length).put(HELLO).put(nonce).put(proof)
                .put(id).flip();
    }

    public static Hello hello(ByteBuffer message) {
        ByteBuffer in = expectKind(message, HELLO, "hello");
        byte[] nonce = bytes(in, PeerKey.NONCE_BYTES, "hello");
        byte[] proof = bytes(in, PeerKey.PROOF_BYTES, "hello");
        return new Hello(nonce, proof, string(in, in.remaining()));
    }

    public static ByteBuffer welcome(byte[] proof) {
        return ByteBuffer.allocate(1 + proof.length).put(WELCOME).put(proof).flip();
    }

    /** The server's proof in a welcome. */
    public static byte[] welcome(ByteBuffer message) {
        ByteBuffer in = expectKind(message, WELCOME, "welcome");
        byte[] proof = bytes(in, PeerKey.PROOF_BYTES, "welcome");
        requireEnd(in, "welcome");
        return proof;
    }

    public static ByteBuffer put(long id, String key, Optional<String> hintFor, byte[] copy) {
        byte[] keyBytes = text(key);
        byte[] hint = hintFor.map(PeerFrames::text).orElse(null);
        ByteBuffer out = ByteBuffer.allocate(1 + 8 + 2 + keyBytes.length + 2 + (hint == null ? 0 : hint.length)
                + copy.length);
        out.put(PUT).putLong(id).putShort((short) keyBytes.length).put(keyBytes);
        if (hint == null) {
            out.putShort((short) NO_HINT);
        } else {
            out.putShort((short) hint.length).put(hint);
        }
        return out.put(copy).flip();
    }

    public static ByteBuffer get(long id, String key) {
        byte[] keyBytes = text(key);
        return ByteBuffer.allocate(1 + 8 + 2 + keyBytes.length).put(GET).putLong(id)
                .putShort((short) keyBytes.length).put(keyBytes).flip();
    }

    public static ByteBuffer forward(long id, byte[] write) {
        return ByteBuffer.allocate(9 + write.length).put(FORWARD).putLong(id).put(write).flip();
    }

    public static Request request(ByteBuffer message) {
        try {
            ByteBuffer in = message.duplicate();
            byte kind = in.get();
            if (kind != PUT && kind != GET && kind != FORWARD) {
                throw new IllegalArgumentException("not a request: kind " + kind);
            }
            long id = in.getLong();
            if (kind == FORWARD) {
                return new Request(kind, id, "", Optional.empty(), rest(in));
            }
            String key = string(in, in.getShort() & 0xFFFF);
            if (kind == GET) {
                requireEnd(in, "get");
                return new Request(kind, id, key, Optional.empty(), new byte[0]);
            }
            int hintLength = in.getShort() & 0xFFFF;
            Optional<String> hint = hintLength == NO_HINT ? Optional.empty() : Optional.of(string(in, hintLength));
            return new Request(kind, id, key, hint, rest(in));
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException("truncated peer request", e);
        }
    }

    public static ByteBuffer done(long id) {
        return ByteBuffer.allocate(9).put(DONE).putLong(id).flip();
    }

    public static ByteBuffer copy(long id, byte[] copy) {
        return ByteBuffer.allocate(9 + copy.length).put(COPY).putLong(id).put(copy).flip();
    }

    /**
     * A forwarded write's outcome: {@link #WRITTEN} with the result, {@link #NO_QUORUM} with the failure, or
     * {@link #REFUSED} with the limit refusal.
     */
    public static ByteBuffer outcome(byte kind, long id, byte[] json) {
        if (kind != WRITTEN && kind != NO_QUORUM && kind != REFUSED) {
            throw new IllegalArgumentException("not a forwarded write's outcome: kind " + kind);
        }
        return ByteBuffer.allocate(9 + json.length).put(kind).putLong(id).put(json).flip();
    }

    public static ByteBuffer failed(long id, String message) {
        byte[] text = String.valueOf(message).getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(9 + text.length).put(FAILED).putLong(id).put(text).flip();
    }

    public static Answer answer(ByteBuffer message) {
        try {
            ByteBuffer in = message.duplicate();
            byte kind = in.get();
            if ((kind & 0x80) == 0) { // any answer kind, known or not: see the class comment
                throw new IllegalArgumentException("not an answer: kind " + kind);
            }
            long id = in.getLong();
            byte[] body = rest(in);
            if (kind == DONE && body.length > 0) {
                throw new IllegalArgumentException("a 'done' answer has no body");
            }
            return new Answer(kind, id, body);
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException("truncated peer answer", e);
        }
    }

    private static byte[] text(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        if (bytes.length >= NO_HINT) {
            throw new IllegalArgumentException("too long for a peer message: " + bytes.length + " bytes");
        }
        return bytes;
    }

    private static String string(ByteBuffer in, int length) {
        byte[] bytes = new byte[length];
        in.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static byte[] rest(ByteBuffer in) {
        byte[] bytes = new byte[in.remaining()];
        in.get(bytes);
        return bytes;
    }

    private static void requireEnd(ByteBuffer in, String what) {
        if (in.hasRemaining()) {
            throw new IllegalArgumentException(in.remaining() + " unexpected bytes after a " + what);
        }
    }

    private static ByteBuffer expectKind(ByteBuffer message, byte kind, String what) {
        ByteBuffer in = message.duplicate();
        if (!in.hasRemaining() || in.get() != kind) {
            throw new IllegalArgumentException("not a " + what);
        }
        return in;
    }

    private static byte[] bytes(ByteBuffer in, int length, String what) {
        if (in.remaining() < length) {
            throw new IllegalArgumentException("truncated " + what);
        }
        byte[] bytes = new byte[length];
        in.get(bytes);
        return bytes;
    }
}
