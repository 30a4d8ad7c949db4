package io.practicalsystems.kv.peer;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * What an HTTP node-to-node call carries instead of the cluster secret, in one header ({@link #HEADER}):
 * {@code <sender node id> <epoch millis> <base64 SHA-256 of the body> <base64 signature>}, the signature being
 * {@link PeerKey#requestSignature} over the method, the raw path and query, the time, the sender and the body hash.
 * The body hash lets the receiver refuse a forged call before reading its body.
 */
public record RequestSignature(String sender, long time, byte[] bodyHash, byte[] signature) {

    public static final String HEADER = "X-KV-Peer-Signature";
    private static final int MAX_HEADER_CHARS = 1024;

    /** Signs a call made now by {@code sender}. */
    public static RequestSignature sign(PeerKey key, String method, String target, long time, String sender,
            byte[] body) {
        byte[] bodyHash = PeerKey.bodyHash(body);
        return new RequestSignature(sender, time, bodyHash,
                key.requestSignature(method, target, time, sender, bodyHash));
    }

    public String header() {
        Base64.Encoder base64 = Base64.getEncoder();
        return sender + " " + time + " " + base64.encodeToString(bodyHash) + " " + base64.encodeToString(signature);
    }

    /** The header's fields, or empty if it is missing or malformed. */
    public static Optional<RequestSignature> parse(String header) {
        if (header == null || header.length() > MAX_HEADER_CHARS) {
            return Optional.empty();
        }
        String[] fields = header.trim().split(" ");
        if (fields.length != 4 || fields[0].isEmpty()) {
            return Optional.empty();
        }
        try {
            Base64.Decoder base64 = Base64.getDecoder();
            return Optional.of(new RequestSignature(fields[0], Long.parseLong(fields[1]),
                    base64.decode(fields[2].getBytes(StandardCharsets.US_ASCII)),
                    base64.decode(fields[3].getBytes(StandardCharsets.US_ASCII))));
        } catch (IllegalArgumentException e) { // includes NumberFormatException
            return Optional.empty();
        }
    }

    /** Whether this signature was made by a holder of {@code key} for exactly this call (constant-time). */
    public boolean signs(PeerKey key, String method, String target) {
        return PeerKey.matches(key.requestSignature(method, target, time, sender, bodyHash), signature);
    }

    /** Whether {@code body} is the body this signature covers (constant-time). */
    public boolean covers(byte[] body) {
        return PeerKey.matches(PeerKey.bodyHash(body), bodyHash);
    }
}
