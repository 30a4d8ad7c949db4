package io.practicalsystems.kv.version;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The causal contexts clients see: {@link CausalContext}s authenticated with an HMAC, so a client can only send back a
 * context this cluster issued for that key.
 *
 * <p>Why: a context is merged into the key's stored history. A forged one — well-formed, claiming a counter near
 * 2<sup>63</sup> for a node — once froze a key for good (the next dot's counter overflowed), and any forged counter
 * claims writes that never happened, so it would also discard values the client never read. With the tag, a context
 * is exactly one the store handed out: its counters are ones the store had.
 *
 * <p>Token: base64url without padding of {@code 0x02 | tag (16 bytes) | context bytes} (the {@link CausalContextCodec}
 * form), where tag = the first 16 bytes of HMAC-SHA256(key, UTF-8 length of the KV key as 4 bytes | KV key | context
 * bytes). Binding the KV key keeps a context from one key from being applied to another. Nodes pass contexts among
 * themselves unauthenticated ({@link CausalContext#encode()}): only the node that received the client's request
 * checks the tag.
 *
 * <p>Thread-safe.
 */
public final class ContextTokens {

    static final int FORMAT_VERSION = 2;
    static final int TAG_BYTES = 16;
    private static final String ALGORITHM = "HmacSHA256";
    private static final int MIN_KEY_BYTES = 16;

    private final Mac prototype;

    private ContextTokens(Mac prototype) {
        this.prototype = prototype;
    }

    /**
     * @param secretKey at least 16 bytes of secret, shared by every node of the cluster
     * @throws IllegalArgumentException if the key is shorter
     */
    public static ContextTokens withKey(byte[] secretKey) {
        Objects.requireNonNull(secretKey, "secretKey");
        if (secretKey.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("a context key needs at least " + MIN_KEY_BYTES + " bytes, got "
                    + secretKey.length);
        }
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secretKey, ALGORITHM));
            return new ContextTokens(mac);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK provides " + ALGORITHM, e);
        }
    }

    /**
     * A key derived from a cluster secret, so every node with the secret derives the same one and the secret itself
     * never signs anything else: HMAC-SHA256(secret, a fixed label).
     */
    public static byte[] keyFromSecret(String clusterSecret) {
        Objects.requireNonNull(clusterSecret, "clusterSecret");
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(clusterSecret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            return mac.doFinal("practical-systems kv causal-context key v1".getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK provides " + ALGORITHM, e);
        }
    }

    /** The token a client gets for {@code context}, read from {@code kvKey}. */
    public String issue(String kvKey, CausalContext context) {
        byte[] body = CausalContextCodec.bytes(context.vector());
        ByteBuffer token = ByteBuffer.allocate(1 + TAG_BYTES + body.length);
        token.put((byte) FORMAT_VERSION).put(tag(kvKey, body)).put(body);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(token.array());
    }

    /**
     * The context in {@code token}, if this cluster issued it for {@code kvKey}.
     *
     * @throws IllegalArgumentException if the token is malformed, was not issued by this cluster (a forged, altered
     *                                  or older unauthenticated context), or was issued for another key
     */
    public CausalContext verify(String kvKey, String token) {
        if (token == null || token.isEmpty()) {
            throw CausalContextCodec.malformed("empty");
        }
        if (token.length() > CausalContextCodec.MAX_TOKEN_CHARS) {
            throw CausalContextCodec.malformed("longer than " + CausalContextCodec.MAX_TOKEN_CHARS + " characters");
        }
        byte[] bytes = CausalContextCodec.base64url(token);
        if (bytes.length < 1 + TAG_BYTES || bytes[0] != FORMAT_VERSION) {
            throw new IllegalArgumentException("not a causal context this cluster issued (unknown format): read the "
                    + "key again and send the X-Causal-Context of that read");
        }
        byte[] body = Arrays.copyOfRange(bytes, 1 + TAG_BYTES, bytes.length);
        if (!MessageDigest.isEqual(Arrays.copyOfRange(bytes, 1, 1 + TAG_BYTES), tag(kvKey, body))) {
            throw new IllegalArgumentException("not a causal context this cluster issued for this key (altered, "
                    + "forged, or read from another key): read the key again and send the X-Causal-Context of "
                    + "that read");
        }
        CausalContext context = CausalContext.of(CausalContextCodec.fromBytes(body));
        if (!issue(kvKey, context).equals(token)) { // padding or stray low bits: one context, one token
            throw CausalContextCodec.malformed("not in canonical form");
        }
        return context;
    }

    private byte[] tag(String kvKey, byte[] body) {
        byte[] key = kvKey.getBytes(StandardCharsets.UTF_8);
        Mac mac = mac();
        mac.update(ByteBuffer.allocate(Integer.BYTES).putInt(key.length).array());
        mac.update(key);
        return Arrays.copyOf(mac.doFinal(body), TAG_BYTES);
    }

    /** A Mac of its own per call: Mac instances are not thread-safe, and cloning skips the key setup. */
    private Mac mac() {
        try {
            return (Mac) prototype.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(ALGORITHM + " of this JDK cannot be cloned", e);
        }
    }
}
