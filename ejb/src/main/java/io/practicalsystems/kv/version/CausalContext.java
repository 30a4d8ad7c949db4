package io.practicalsystems.kv.version;

import java.util.Objects;

/**
 * What a read hands to the client and the client hands back with its next write: the version vector of everything
 * the read returned. A write carrying it overwrites exactly those versions and is concurrent with anything else.
 *
 * <p>Counters only — update times and pruning bookkeeping stay on the server. On the wire (the
 * {@code X-Causal-Context} HTTP header) it is opaque: {@link #encode()} gives a compact base64url token and
 * {@link #decode(String)} parses one, rejecting anything malformed with {@link IllegalArgumentException}.
 *
 * @param vector the history read; normalised to {@link VersionVector#countersOnly() counters only}
 */
public record CausalContext(VersionVector vector) {

    private static final CausalContext EMPTY = new CausalContext(VersionVector.empty());

    public CausalContext {
        vector = Objects.requireNonNull(vector, "vector").countersOnly();
    }

    /** The context of a client that has read nothing (a blind write): it overwrites nothing. */
    public static CausalContext empty() {
        return EMPTY;
    }

    public static CausalContext of(VersionVector vector) {
        return new CausalContext(vector);
    }

    public boolean covers(Dot dot) {
        return vector.covers(dot);
    }

    public boolean isEmpty() {
        return vector.isEmpty();
    }

    /** A base64url token (no padding, header- and URL-safe); {@code decode(encode())} gives back an equal context. */
    public String encode() {
        return CausalContextCodec.encode(vector);
    }

    /**
     * Parses a token made by {@link #encode()}.
     *
     * @throws IllegalArgumentException if {@code token} is null, too long, not base64url, or not a well-formed
     *                                  context (the REST layer answers 400)
     */
    public static CausalContext decode(String token) {
        return new CausalContext(CausalContextCodec.decode(token));
    }

    @Override
    public String toString() {
        return vector.toString();
    }
}
