package io.practicalsystems.kv.storage;

/**
 * A write refused because the key would hold more than its {@link ObjectLimits}; nothing stored changed.
 *
 * <p>For a client write, the way out is to resolve the key's siblings: read it, and write the merged value with that
 * read's causal context (which replaces every sibling the read returned).
 */
public final class ObjectLimitExceededException extends RuntimeException {

    /** Which limit. */
    public enum Limit {
        /** the bytes of all siblings' values together */
        BYTES,
        /** the number of siblings */
        SIBLINGS
    }

    private final String key;
    private final Limit limit;
    private final long allowed;
    private final long actual;
    private final boolean merge;

    ObjectLimitExceededException(String key, Limit limit, long allowed, long actual, boolean merge) {
        super("key '" + key + "' would hold " + actual + (limit == Limit.BYTES ? " bytes of values" : " siblings")
                + ", at most " + allowed + " are allowed" + (merge ? " for a replica's merge" : ""));
        this.key = key;
        this.limit = limit;
        this.allowed = allowed;
        this.actual = actual;
        this.merge = merge;
    }

    /**
     * A client write's refusal as another node reported it: a coordinator that refused a write forwarded to it sends
     * back which limit, and the forwarding node answers its client as if it had refused the write itself.
     */
    public static ObjectLimitExceededException reported(String key, Limit limit, long allowed, long actual) {
        return new ObjectLimitExceededException(key, limit, allowed, actual, false);
    }

    public String key() {
        return key;
    }

    public Limit limit() {
        return limit;
    }

    public long allowed() {
        return allowed;
    }

    /** What the key would have held. */
    public long actual() {
        return actual;
    }

    /** Whether a replica's merge was refused (over the headroom), rather than a client write. */
    public boolean merge() {
        return merge;
    }
}
