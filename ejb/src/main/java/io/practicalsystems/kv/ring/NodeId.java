package io.practicalsystems.kv.ring;

import java.util.regex.Pattern;

/**
 * The name of one physical storage node (one Liberty server), e.g. {@code kv-1} or {@code 10.0.0.7:9080}.
 *
 * <p>Restricted to a conservative character set because the name is hashed into ring tokens as
 * {@code "<id>#<vnodeIndex>"} (so {@code #} is excluded: {@code a#1} + vnode 2 must not collide with {@code a} +
 * vnode {@code "1#2"}), travels in HTTP headers and paths, and appears in log lines and metrics labels.
 *
 * @param value 1..64 characters of {@code [A-Za-z0-9._:-]}
 */
public record NodeId(String value) implements Comparable<NodeId> {

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

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
