package io.practicalsystems.feed.fanout;

/**
 * How a post reaches its author's followers. Decided once, when the post is published, and stored with the post:
 * it never changes afterwards, whatever happens to the author's follower count. That is what lets an author cross
 * the celebrity threshold in either direction without a post being lost or shown twice — every post has exactly one
 * route, and the two routes never carry the same post:
 * <ul>
 *   <li>a {@link #PUSH} post is only ever in home feeds (its ID written into each active follower's feed);</li>
 *   <li>a {@link #PULL} post is never written into a feed; a reader's timeline merges the PULL posts of the
 *       authors the reader follows at read time.</li>
 * </ul>
 * So after an author becomes a celebrity, the older posts stay in the feeds they were pushed to and the new ones
 * are merged; after the author drops below the threshold, the older PULL posts keep being merged (the read side
 * takes an author's PULL posts, not "authors who are celebrities now") and the new ones are pushed.
 */
public enum DeliveryMode {

    /** Written into every active follower's home feed at publish time (fanout on write). */
    PUSH,

    /** Not written anywhere but the author's own post list; merged into readers' timelines (fanout on read). */
    PULL
}
