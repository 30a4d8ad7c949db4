package io.practicalsystems.feed.application;

import io.practicalsystems.crawler.application.Listing;
import io.practicalsystems.feed.account.Account;
import io.practicalsystems.feed.account.AccountDirectory;
import io.practicalsystems.feed.cache.CachedSets;
import io.practicalsystems.feed.fanout.FanoutPlanner;
import io.practicalsystems.feed.fanout.PublishedPost;
import io.practicalsystems.feed.post.Post;
import io.practicalsystems.feed.post.PostText;
import io.practicalsystems.feed.store.CommentDocument;
import io.practicalsystems.feed.store.PostStore;
import io.practicalsystems.idgen.application.IdGeneratorService;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.function.Supplier;
import redis.clients.jedis.AbstractPipeline;

/**
 * Posts, reposts, deletion, likes and comments. Every write checks its input and the rate limit before storing
 * anything, writes the documents first and then the cache tiers, and announces posts on the fanout queue.
 */
@ApplicationScoped
public class PostService {

    @EJB
    IdGeneratorService ids;

    @Inject
    AccountDirectory accounts;

    @Inject
    PostStore store;

    @Inject
    FeedCache cache;

    @Inject
    FeedSettings settings;

    @Inject
    FeedLimits limits;

    @Inject
    FanoutMessages messages;

    private FanoutPlanner planner;

    @PostConstruct
    void init() {
        planner = new FanoutPlanner(settings.fanout());
    }

    /** Publishes a post; {@code failFirstFanout} is the test hook of {@link FanoutMessages#FAIL_FIRST_DELIVERY}. */
    public PostView create(long authorId, String text, Long replyTo, boolean failFirstFanout) {
        String body = PostText.check("text", text, false);
        if (replyTo != null) {
            visible(replyTo, "The post you reply to does not exist (or was deleted).");
        }
        limits.write(authorId);
        return view(publish(authorId, body, replyTo, null, failFirstFanout), OptionalLong.of(authorId));
    }

    /** Reposts {@code postId} with an optional comment; the share counts on the original. */
    public PostView share(long userId, long postId, String text) {
        String body = PostText.check("text", text, true);
        Post original = visible(postId, null);
        limits.write(userId);
        Post repost = publish(userId, body, null, original.id(), false);
        cache.sets().add(cache.shares(original.id()), repost.id());
        return view(repost, OptionalLong.of(userId));
    }

    public PostView get(long postId, OptionalLong viewer) {
        return view(visible(postId, null), viewer);
    }

    /** Deletes the caller's own post: a tombstone in the documents and the content tier, then out of every feed. */
    public void delete(long callerId, long postId) {
        Post post = visible(postId, null);
        if (post.authorId() != callerId) {
            throw FeedException.forbidden("You can only delete your own posts.");
        }
        limits.write(callerId);
        store.markDeleted(post);
        cache.content().tombstone(postId);
        if (post.sharedFrom() != null) {
            cache.sets().remove(cache.shares(post.sharedFrom()), postId);
        }
        PublishedPost published = new PublishedPost(post.id(), post.authorId(), post.mode());
        if (published.mergedAtRead()) {
            cache.feeds().removeFromEach(List.of(cache.keys().pulled(post.authorId())), postId);
        }
        messages.delete(published);
    }

    /** Likes (or with {@code like} false, unlikes) a post; idempotent. Returns the like count. */
    public long like(long userId, long postId, boolean like) {
        visible(postId, null);
        limits.write(userId);
        if (like) {
            store.like(postId, userId, System.currentTimeMillis());
            return cache.sets().add(cache.likes(postId), userId).count();
        }
        store.unlike(postId, userId);
        return cache.sets().remove(cache.likes(postId), userId).count();
    }

    public CommentView comment(long userId, long postId, String text) {
        String body = PostText.check("text", text, false);
        visible(postId, null);
        limits.write(userId);
        CommentDocument comment = CommentDocument.of(ids.next(), postId, userId, body, System.currentTimeMillis());
        store.insertComment(comment);
        cache.sets().add(cache.comments(postId), comment.commentId());
        return new CommentView(comment, author(userId));
    }

    /** The post's comments, oldest first, by cursor. */
    public Listing<CommentView> comments(long postId, String cursor, int limit) {
        visible(postId, null);
        Long after = FeedCursors.decode(FeedCursors.COMMENTS, cursor);
        List<CommentDocument> found = store.comments(postId, after, limit + 1);
        List<CommentView> views = new ArrayList<>();
        for (CommentDocument c : found.subList(0, Math.min(limit, found.size()))) {
            views.add(new CommentView(c, author(c.authorId())));
        }
        return new Listing<>(views, found.size() > limit
                ? FeedCursors.encode(FeedCursors.COMMENTS, found.get(limit - 1).commentId()) : null);
    }

    /** The post as {@code viewer} sees it (counters from the counters tier, rebuilt from the documents if cold). */
    public PostView view(Post post, OptionalLong viewer) {
        return views(List.of(post), viewer).get(0);
    }

    /**
     * The posts as {@code viewer} sees them, in one pipelined round trip whatever the page size: the shared posts,
     * every counter and every likedByMe together (cold entries then load from the documents as in {@link #view});
     * authors come from the account cache.
     */
    public List<PostView> views(List<Post> page, OptionalLong viewer) {
        if (page.isEmpty()) {
            return List.of();
        }
        List<CachedSets.Ref> counters = new ArrayList<>(page.size() * 3);
        for (Post post : page) {
            counters.addAll(List.of(cache.likes(post.id()), cache.comments(post.id()), cache.shares(post.id())));
        }
        Supplier<Map<Long, Post>> sharedPosts;
        Supplier<List<Long>> counted;
        Supplier<List<Boolean>> likedByViewer;
        try (AbstractPipeline pipe = cache.pipelined()) {
            sharedPosts = cache.content().getAllIn(pipe, page.stream().map(Post::sharedFrom)
                    .filter(Objects::nonNull).distinct().toList(), store::find);
            counted = cache.sets().countEachIn(pipe, counters);
            likedByViewer = viewer.isPresent() ? cache.sets().containsEachIn(pipe,
                    page.stream().map(p -> cache.likes(p.id())).toList(), viewer.getAsLong()) : null;
            pipe.sync();
        }
        Map<Long, Post> shares = sharedPosts.get();
        List<Long> counts = counted.get();
        List<Boolean> liked = likedByViewer == null ? null : likedByViewer.get();
        List<PostView> views = new ArrayList<>(page.size());
        for (int i = 0; i < page.size(); i++) {
            Post post = page.get(i);
            Post original = post.sharedFrom() == null ? null : shares.get(post.sharedFrom());
            PostView.Shared shared = original == null || original.deleted() ? null
                    : new PostView.Shared(original, author(original.authorId()));
            views.add(new PostView(post, author(post.authorId()), counts.get(3 * i), counts.get(3 * i + 1),
                    counts.get(3 * i + 2), liked != null && liked.get(i), shared));
        }
        return views;
    }

    /** The post if it exists and is not deleted, else 404 with {@code message} (or a default sentence). */
    Post visible(long postId, String message) {
        return cache.post(postId).filter(p -> !p.deleted()).orElseThrow(() -> FeedException.notFound(
                message != null ? message : "There is no post " + postId + " (or it was deleted)."));
    }

    Account author(long userId) {
        return accounts.byId(userId).orElseGet(() -> new Account(userId, "unknown", "unknown",
                java.time.Instant.EPOCH));
    }

    private Post publish(long authorId, String text, Long replyTo, Long sharedFrom, boolean failFirstFanout) {
        long id = ids.next();
        PublishedPost published = planner.publish(id, authorId, cache.sets().count(cache.followers(authorId)));
        Post post = new Post(id, authorId, text, System.currentTimeMillis(), replyTo, sharedFrom, published.mode(),
                false);
        store.insert(post);
        cache.content().fill(post);
        if (published.mergedAtRead()) {
            cache.addPulled(post);
        }
        messages.publish(published, failFirstFanout && settings.faultInjectionEnabled());
        return post;
    }
}
