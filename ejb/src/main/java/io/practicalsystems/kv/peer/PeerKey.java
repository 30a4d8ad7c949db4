package io.practicalsystems.kv.peer;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The cluster secret as a key: nodes prove they know it with HMAC-SHA256 and never send it. Every proof starts with a
 * label naming its use (the client's half of a link's handshake, the server's half, an HTTP request), so a proof made
 * for one use is worthless for another — a peer cannot be made to sign a client proof by reflecting a challenge.
 *
 * <p>Proofs are compared in constant time ({@link MessageDigest#isEqual}).
 */
public final class PeerKey {

    /** Bytes of a handshake nonce and of every proof. */
    public static final int NONCE_BYTES = 32;
    public static final int PROOF_BYTES = 32;
    private static final String ALGORITHM = "HmacSHA256";
    private static final byte[] CLIENT = label("kv-peer-link-client-v1");
    private static final byte[] SERVER = label("kv-peer-link-server-v1");
    private static final byte[] REQUEST = label("kv-peer-http-request-v1");

    private final SecretKeySpec key;

    private PeerKey(byte[] secret) {
        this.key = new SecretKeySpec(secret, ALGORITHM);
    }

    /** The key of a configured secret; empty for none (a node without one accepts no peer). */
    public static Optional<PeerKey> of(Optional<String> secret) {
        return secret.filter(s -> !s.isEmpty()).map(s -> new PeerKey(s.getBytes(StandardCharsets.UTF_8)));
    }

    /** A fresh random nonce. */
    public static byte[] nonce(SecureRandom random) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        return nonce;
    }

    /**
     * What the two ends of one link's handshake agree on: the server's fresh nonce binds a proof to this link (a
     * captured proof fails on any other), the client's binds the server's answer, the ids say who claims to be whom.
     */
    public record Handshake(byte[] serverNonce, String serverId, byte[] clientNonce, String clientId) {
    }

    /** The client's proof: it knows the secret, answering this server's challenge. */
    public byte[] clientProof(Handshake handshake) {
        return mac(CLIENT, handshake);
    }

    /** The server's proof, sent only after the client's checked out: the client talks to a real peer. */
    public byte[] serverProof(Handshake handshake) {
        return mac(SERVER, handshake);
    }

    /**
     * The signature of one HTTP call: the method, the target as sent (raw path and query), the sender's clock
     * (epoch milliseconds), the sender's node id and the SHA-256 of the body.
     */
    public byte[] requestSignature(String method, String target, long time, String sender, byte[] bodyHash) {
        Mac mac = mac();
        mac.update(REQUEST);
        field(mac, method.getBytes(StandardCharsets.UTF_8));
        field(mac, target.getBytes(StandardCharsets.UTF_8));
        field(mac, ByteBuffer.allocate(Long.BYTES).putLong(time).array());
        field(mac, sender.getBytes(StandardCharsets.UTF_8));
        field(mac, bodyHash);
        return mac.doFinal();
    }

    /** Constant-time comparison of an expected proof with the one given. */
    public static boolean matches(byte[] expected, byte[] given) {
        return given != null && MessageDigest.isEqual(expected, given);
    }

    /** SHA-256 of a body, as {@link #requestSignature} takes it. */
    public static byte[] bodyHash(byte[] body) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private byte[] mac(byte[] label, Handshake handshake) {
        Mac mac = mac();
        mac.update(label);
        field(mac, handshake.serverNonce());
        field(mac, handshake.serverId().getBytes(StandardCharsets.UTF_8));
        field(mac, handshake.clientNonce());
        field(mac, handshake.clientId().getBytes(StandardCharsets.UTF_8));
        return mac.doFinal();
    }

    private Mac mac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }

    /** Length-prefixed, so no two different field lists produce the same input. */
    private static void field(Mac mac, byte[] value) {
        mac.update(ByteBuffer.allocate(Integer.BYTES).putInt(value.length).array());
        mac.update(value);
    }

    private static byte[] label(String text) {
        return (text + "\0").getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "PeerKey[secret hidden]";
    }
}
