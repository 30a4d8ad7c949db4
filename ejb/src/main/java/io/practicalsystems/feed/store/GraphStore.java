package io.practicalsystems.feed.store;

import io.practicalsystems.platform.docstore.DuplicateKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.jnosql.mapping.document.DocumentTemplate;

/**
 * Follow and block edges. Writes are idempotent (natural ids); reads by field, each direction a query of its own.
 * These are what the social-graph cache tier is rebuilt from.
 */
@ApplicationScoped
public class GraphStore {

    @Inject
    DocumentTemplate template;

    /** True when the edge is new. */
    public boolean follow(long followerId, long followeeId, long nowMillis) {
        return DuplicateKeys.insertIfAbsent(template, FollowDocument.of(followerId, followeeId, nowMillis));
    }

    public void unfollow(long followerId, long followeeId) {
        template.delete(FollowDocument.class, FollowDocument.idFor(followerId, followeeId));
    }

    public boolean follows(long followerId, long followeeId) {
        return template.find(FollowDocument.class, FollowDocument.idFor(followerId, followeeId)).isPresent();
    }

    public List<Long> followersOf(long userId) {
        return template.select(FollowDocument.class).where("followeeId").eq(userId).<FollowDocument>result()
                .stream().map(FollowDocument::followerId).toList();
    }

    public List<Long> followingOf(long userId) {
        return template.select(FollowDocument.class).where("followerId").eq(userId).<FollowDocument>result()
                .stream().map(FollowDocument::followeeId).toList();
    }

    public boolean block(long blockerId, long blockedId, long nowMillis) {
        return DuplicateKeys.insertIfAbsent(template, BlockDocument.of(blockerId, blockedId, nowMillis));
    }

    public void unblock(long blockerId, long blockedId) {
        template.delete(BlockDocument.class, BlockDocument.idFor(blockerId, blockedId));
    }

    public boolean blocked(long blockerId, long blockedId) {
        return template.find(BlockDocument.class, BlockDocument.idFor(blockerId, blockedId)).isPresent();
    }

    public List<Long> blockedBy(long blockerId) {
        return template.select(BlockDocument.class).where("blockerId").eq(blockerId).<BlockDocument>result()
                .stream().map(BlockDocument::blockedId).toList();
    }
}
