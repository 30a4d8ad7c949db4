package io.practicalsystems.feed.store;

import io.practicalsystems.platform.docstore.DuplicateKeys;
import com.mongodb.client.model.Filters;
import io.practicalsystems.feed.fanout.DeliveryMode;
import io.practicalsystems.feed.post.Post;
import io.practicalsystems.platform.docstore.DocumentStoreBackend;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.eclipse.jnosql.mapping.document.DocumentTemplate;

/**
 * Posts, likes and comments. Posts are listed by author newest first by number ({@code postId}), below a cursor;
 * likes are stored once per user (id "post:user"). What the feed, content, actions and counters tiers are rebuilt
 * from.
 */
@ApplicationScoped
public class PostStore {

    @Inject
    DocumentTemplate template;

    @Inject
    DocumentStoreBackend backend;

    public void insert(Post post) {
        template.insert(PostDocument.of(post));
    }

    public Optional<Post> find(long postId) {
        return template.find(PostDocument.class, Long.toString(postId)).map(PostDocument::post);
    }

    /** Marks the post deleted (its document stays, as a tombstone). */
    public void markDeleted(Post post) {
        template.update(PostDocument.of(post.asDeleted()));
    }

    /**
     * The author's visible posts below {@code belowId} (null: from the newest), newest first, at most {@code limit};
     * only those of {@code mode} when it is not null.
     */
    public List<Post> byAuthor(long authorId, DeliveryMode mode, Long belowId, int limit) {
        var where = template.select(PostDocument.class).where("authorId").eq(authorId).and("deleted").eq(false);
        if (mode != null) {
            where = where.and("mode").eq(mode.name());
        }
        if (belowId != null) {
            where = where.and("postId").lt(belowId);
        }
        return where.orderBy("postId").desc().limit(limit).<PostDocument>result().stream()
                .map(PostDocument::post).toList();
    }

    public long countByAuthor(long authorId) {
        return backend.client().getDatabase(backend.database()).getCollection(PostDocument.COLLECTION)
                .countDocuments(Filters.and(Filters.eq("authorId", authorId), Filters.eq("deleted", false)));
    }

    /** The authors who ever published a PULL post (the read-time merge's candidates). */
    public List<Long> pullAuthors() {
        return backend.client().getDatabase(backend.database()).getCollection(PostDocument.COLLECTION)
                .distinct("authorId", Filters.eq("mode", DeliveryMode.PULL.name()), Long.class)
                .into(new java.util.ArrayList<>());
    }

    /** The visible reposts of a post (their IDs). */
    public List<Long> sharesOf(long postId) {
        return template.select(PostDocument.class).where("sharedFrom").eq(postId).and("deleted").eq(false)
                .<PostDocument>result().stream().map(PostDocument::postId).toList();
    }

    /** Claims an external producer's idempotency key for the author; false when it was claimed before. */
    public boolean claimExternal(long authorId, String key, long nowMillis) {
        return DuplicateKeys.insertIfAbsent(template, new ExternalPostDocument(ExternalPostDocument.idFor(authorId, key),
                authorId, nowMillis));
    }

    /** Gives a claimed key back, when the post could not be stored and the message will be delivered again. */
    public void releaseExternal(long authorId, String key) {
        template.delete(ExternalPostDocument.class, ExternalPostDocument.idFor(authorId, key));
    }

    public boolean like(long postId, long userId, long nowMillis) {
        return DuplicateKeys.insertIfAbsent(template, LikeDocument.of(postId, userId, nowMillis));
    }

    public void unlike(long postId, long userId) {
        template.delete(LikeDocument.class, LikeDocument.idFor(postId, userId));
    }

    public List<Long> likersOf(long postId) {
        return template.select(LikeDocument.class).where("postId").eq(postId).<LikeDocument>result().stream()
                .map(LikeDocument::userId).toList();
    }

    public void insertComment(CommentDocument comment) {
        template.insert(comment);
    }

    /** The post's comments oldest first after {@code afterId} (null: from the first), at most {@code limit}. */
    public List<CommentDocument> comments(long postId, Long afterId, int limit) {
        var where = template.select(CommentDocument.class).where("postId").eq(postId);
        if (afterId != null) {
            where = where.and("commentId").gt(afterId);
        }
        return where.orderBy("commentId").asc().limit(limit).result();
    }

    public List<Long> commentIdsOf(long postId) {
        return template.select(CommentDocument.class).where("postId").eq(postId).<CommentDocument>result().stream()
                .map(CommentDocument::commentId).toList();
    }
}
