package io.practicalsystems.kv.coordinator;

import java.util.OptionalInt;

/**
 * One request's R and/or W, replacing the cluster's (e.g. {@code W=1} for a fire-and-forget metric, {@code R=N}
 * for a read that must see every replica). Validated against N by {@link QuorumConfig#with}.
 */
public record RequestOverrides(OptionalInt r, OptionalInt w) {

    private static final RequestOverrides NONE = new RequestOverrides(OptionalInt.empty(), OptionalInt.empty());

    public static RequestOverrides none() {
        return NONE;
    }

    public static RequestOverrides r(int r) {
        return new RequestOverrides(OptionalInt.of(r), OptionalInt.empty());
    }

    public static RequestOverrides w(int w) {
        return new RequestOverrides(OptionalInt.empty(), OptionalInt.of(w));
    }
}
