package io.practicalsystems.crawler.batch;

/**
 * What {@link FrontierClaimReader} returns when no URL was due for a while: an item that ends the wait so the chunk
 * can reach its time limit and commit; {@link IdleTickFilter} drops it before the writer.
 */
enum IdleTick {
    INSTANCE
}
