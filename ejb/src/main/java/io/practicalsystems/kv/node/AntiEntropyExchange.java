package io.practicalsystems.kv.node;

import java.util.Objects;
import java.util.UUID;

/**
 * Names one anti-entropy exchange of a range between this node and one peer, for the peer's calls of it
 * ({@link NodeTransport#merkleLeaves}, {@link NodeTransport#bucketDigests}): the peer reads the range's version digests
 * once per exchange rather than once per call ({@link ExchangeSnapshots}).
 *
 * @param id            chosen by the initiator, unique per exchange; at most {@value #MAX_ID_LENGTH} characters
 * @param initiatorRoot the initiator's root hash of the range (32 bytes), sent with the first call: a peer whose root
 *                      equals it keeps nothing, as the exchange ends there
 */
public record AntiEntropyExchange(String id, byte[] initiatorRoot) {

    public static final int MAX_ID_LENGTH = 64;

    public AntiEntropyExchange {
        Objects.requireNonNull(id, "id");
        if (id.isEmpty() || id.length() > MAX_ID_LENGTH) {
            throw new IllegalArgumentException("an exchange id has 1.." + MAX_ID_LENGTH + " characters, got "
                    + id.length());
        }
        initiatorRoot = initiatorRoot == null ? null : initiatorRoot.clone();
    }

    /** A new exchange, starting with the initiator's root hash of the range. */
    static AntiEntropyExchange start(byte[] initiatorRoot) {
        return new AntiEntropyExchange(UUID.randomUUID().toString(), Objects.requireNonNull(initiatorRoot, "root"));
    }

    /** The same exchange's later calls: the id alone. */
    AntiEntropyExchange continued() {
        return new AntiEntropyExchange(id, null);
    }

    @Override
    public byte[] initiatorRoot() {
        return initiatorRoot == null ? null : initiatorRoot.clone();
    }
}
