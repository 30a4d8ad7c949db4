package io.practicalsystems.kv.ring;

import java.util.regex.Pattern;

/**
 * The name of one physical storage node (one Liberty server), e.g. {@code kv-1} or {@code 10.0.0.7:9080}.
 *
 * <p>Restricted to a conservative character set because the name is hashed into ring tokens as
 * {@code "<id>#<vnodeIndex>"} (so {@code #} is excluded: {@code a#1} + vnode 2 must not collide with {@code a} +
 * vnode {@code "1#2"}), travels in HTTP headers and paths, and appears in log lines and metrics labels.
 *
 * <p>The same identity appears in version vectors and dots ({@code kv.version}): server-side identities, so a
 * key's vector is bounded by the number of servers that ever coordinated a write to it, not by the number of
 * clients. A node that loses its data must come back under a <em>new</em> ID (e.g. {@code kv-2.i3}): it issues dot
 * counters from its own stored copy, and a wiped copy would reissue counters others already know.
 *
 * @param value 1..{@value #MAX_LENGTH} characters of {@code [A-Za-z0-9._:-]} (so also 1..64 bytes of UTF-8)
 */
public record NodeId(String value) implements Comparable<NodeId> {

    public static final int MAX_LENGTH = 64;

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._:-]{1," + MAX_LENGTH + "}");

    public NodeId {
        if (value == null || !VALID.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    "node ID must be 1..64 characters of letters, digits, '.', '_', ':' or '-', got "
                            + (value == null ? "null" : "'" + value + "'"));
        }
    }

    public static NodeId of(String value) {
        return new NodeId(value);
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
