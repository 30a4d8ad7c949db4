package io.practicalsystems.feed.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.practicalsystems.feed.fanout.DeliveryMode;
import io.practicalsystems.feed.post.Post;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The content tier on a real Redis. */
class PostContentTest extends RedisTierTest {

    final PostContent content = new PostContent(redis, keys, 3600);
    final AtomicInteger documentReads = new AtomicInteger();
    final Post post = new Post(42, 7, "héllo 👋", 1_000, 41L, null, DeliveryMode.PULL, false);

    Optional<Post> fromDocuments(long id) {
        documentReads.incrementAndGet();
        return id == post.id() ? Optional.of(post) : Optional.empty();
    }

    @Test
    void aMissIsReadFromTheDocumentsOnceThenFromRedis() {
        assertThat(content.get(42, this::fromDocuments)).contains(post);
        assertThat(content.get(42, this::fromDocuments)).contains(post);
        assertThat(documentReads).hasValue(1);
        assertThat(content.get(43, this::fromDocuments)).isEmpty();
    }

    @Test
    void aTombstoneIsNotOverwrittenByAFillThatLoadedThePostBeforeItWasDeleted() {
        content.tombstone(42);
        content.fill(post); // a reader that read the document just before the deletion

        assertThat(content.get(42, this::fromDocuments)).get().extracting(Post::deleted).isEqualTo(true);
    }

    @Test
    void manyPostsAreReadInOneGo() {
        content.fill(post);
        Post other = new Post(43, 8, "x", 2_000, null, 42L, DeliveryMode.PUSH, false);
        content.fill(other);

        Map<Long, Post> found = content.getAll(List.of(42L, 43L, 44L), this::fromDocuments);

        assertThat(found).containsOnlyKeys(42L, 43L);
        assertThat(found.get(43L)).isEqualTo(other);
    }
}
