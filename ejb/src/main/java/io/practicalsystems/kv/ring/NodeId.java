package io.practicalsystems.kv.ring;

import java.util.regex.Pattern;

/**
 * The name of one physical storage node (one Liberty server), e.g. {@code kv-1} or {@code 10.0.0.7:9080}.
 *
 * <p>Restricted to a conservative character set because the name is hashed into ring tokens as
 * {@code "<id>#<vnodeIndex>"} (so {@code #} is excluded: {@code a#1} + vnode 2 must not collide with {@code a} +
 * vnode {@code "1#2"}), travels in HTTP headers and paths, and appears in log lines and metrics labels.
 *
 * <p>Version vectors and dots ({@code kv.version}) name <em>actors</em> with the same type: a node's ID, or
 * {@code <node ID>+<epoch>} once its store has forgotten a key (see {@code kv.storage.ActorEpoch}). They are
 * server-side identities, so a key's vector is bounded by the servers (and their epochs) that ever coordinated a write
 * to it, not by the number of clients. {@code +} is allowed in actor names only: a node's own ID must not contain it
 * ({@link #requireNodeName}). A node that loses its data must come back under a <em>new</em> ID (e.g.
 * {@code kv-2.i3}): a wiped store starts again at epoch 0 and would reissue dots others already know.
 *
 * @param value 1..{@value #MAX_LENGTH} characters of {@code [A-Za-z0-9._:+-]} (so also 1..64 bytes of UTF-8)
 */
public record NodeId(String value) implements Comparable<NodeId> {

    public static final int MAX_LENGTH = 64;

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._:+-]{1," + MAX_LENGTH + "}");

    public NodeId {
        if (value == null || !VALID.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    "node ID must be 1..64 characters of letters, digits, '.', '_', ':', '+' or '-', got "
                            + (value == null ? "null" : "'" + value + "'"));
        }
    }

    public static NodeId of(String value) {
        return new NodeId(value);
    }

    /**
     * This ID, if it can name a node: an actor name ({@code kv-1+2}) cannot, or a node could be mistaken for another
     * node's epoch.
     *
     * @throws IllegalArgumentException if it contains {@code +}
     */
    public NodeId requireNodeName() {
        if (value.indexOf('+') >= 0) {
            throw new IllegalArgumentException("a node ID must not contain '+' (reserved for actor epochs), got '"
                    + value + "'");
        }
        return this;
    }

    @Override
    public int compareTo(NodeId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
