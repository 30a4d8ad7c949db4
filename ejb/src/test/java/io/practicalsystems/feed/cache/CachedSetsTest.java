package io.practicalsystems.feed.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The social-graph / actions / counters tiers on a real Redis, with a concurrent map standing in for the documents. */
class CachedSetsTest extends RedisTierTest {

    final Set<Long> documents = ConcurrentHashMap.newKeySet();
    final AtomicInteger loads = new AtomicInteger();
    final CachedSets sets = new CachedSets(redis, keys, 3600);
    final CachedSets.Ref likes = new CachedSets.Ref(keys.likes(1), keys.postCounts(1), "likes", this::readDocuments);

    Collection<Long> readDocuments() {
        loads.incrementAndGet();
        return List.copyOf(documents);
    }

    /** What a service does: the document first, then the cache. */
    CachedSets.Change like(long user) {
        documents.add(user);
        return sets.add(likes, user);
    }

    CachedSets.Change unlike(long user) {
        documents.remove(user);
        return sets.remove(likes, user);
    }

    @Test
    void aColdSetIsLoadedFromTheDocumentsBeforeTheChange() {
        documents.addAll(List.of(10L, 11L));

        CachedSets.Change change = like(12);

        assertThat(change.count()).isEqualTo(3);
        assertThat(sets.members(likes)).containsExactlyInAnyOrder(10L, 11L, 12L);
        assertThat(loads).hasValue(1);
    }

    @Test
    void likingTwiceCountsOnceAndUnlikingTwiceUncountsOnce() {
        assertThat(sets.count(likes)).isZero(); // warm: from here on each call reports its own change
        assertThat(like(7).changed()).isTrue();
        assertThat(like(7).changed()).isFalse();
        assertThat(sets.count(likes)).isEqualTo(1);
        assertThat(unlike(7).changed()).isTrue();
        assertThat(unlike(7).changed()).isFalse();
        assertThat(sets.count(likes)).isZero();
        assertThat(sets.contains(likes, 7)).isFalse();
    }

    @Test
    void manyThreadsLikingAndReLikingWhileRedisIsFlushedCountExactly() throws Exception {
        int users = 400;
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> work = new java.util.ArrayList<>();
            for (int t = 0; t < 16; t++) {
                int thread = t;
                work.add(pool.submit(() -> {
                    start.await();
                    for (long u = thread; u < users; u += 16) {
                        like(u);
                        like(u); // a double click: must not count twice
                        if (u % 50 == 0) {
                            flush(); // Redis loses everything mid-use
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : work) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(sets.count(likes)).isEqualTo(users);
        assertThat(sets.members(likes)).hasSize(users);
        flush();
        assertThat(sets.count(likes)).as("rebuilt from the documents after a flush").isEqualTo(users);
    }

    @Test
    void aLoadNeverOverwritesAWarmSet() {
        like(1);
        documents.add(99L); // a document the cache never heard of, as if written by a loader racing behind
        sets.load(likes);

        assertThat(sets.members(likes)).containsExactly(1L);
    }

    /**
     * A load reads the documents, then swaps its copy in only if the set is still cold. Redis flushed in between, with
     * a change that another server made meanwhile (its document written, then its cache entry, then lost with the
     * flush): the late load must not install its older copy, or that change is missing from a warm set for good.
     */
    @Test
    void aLoadThatReadTheDocumentsBeforeAFlushDoesNotInstallItsOlderCopy() {
        documents.addAll(List.of(1L, 2L));
        AtomicBoolean overtaken = new AtomicBoolean();
        CachedSets.Ref slowReader = new CachedSets.Ref(likes.key(), likes.countsKey(), likes.countField(), () -> {
            List<Long> read = List.copyOf(readDocuments());
            if (overtaken.compareAndSet(false, true)) {
                like(3);  // another server, while this read is on its way back: loads, adds 3
                flush();  // Redis loses everything
            }
            return read;
        });

        documents.add(4L);
        CachedSets.Change change = sets.add(slowReader, 4);

        assertThat(sets.members(likes)).containsExactlyInAnyOrder(1L, 2L, 3L, 4L);
        assertThat(change.count()).isEqualTo(4);
        assertThat(sets.count(likes)).isEqualTo(4);
    }

    @Test
    void aCounterLostAloneIsRecountedFromTheSet() {
        like(1);
        like(2);
        redis.del(keys.postCounts(1));

        assertThat(sets.count(likes)).isEqualTo(2);
    }

    @Test
    void aLargeSetLoadsInChunks() {
        for (long u = 0; u < 5_000; u++) {
            documents.add(u);
        }
        assertThat(sets.count(likes)).isEqualTo(5_000);
        assertThat(sets.contains(likes, 4_999)).isTrue();
    }

    @Test
    void batchedReadsServeWarmSetsAndLoadColdOnesFromTheDocuments() {
        CachedSets.Ref comments = new CachedSets.Ref(keys.comments(1), keys.postCounts(1), "comments",
                () -> List.of(40L, 41L, 42L));
        like(5);
        like(6); // likes warm; comments cold (never loaded)

        assertThat(sets.countEach(List.of(likes, comments))).containsExactly(2L, 3L);
        assertThat(sets.containsEach(List.of(likes, comments), 41)).containsExactly(false, true);
        flush(); // Redis loses both: each is loaded again from the documents
        assertThat(sets.containsEach(List.of(likes, comments), 6)).containsExactly(true, false);
        redis.del(keys.postCounts(1)); // counters lost alone: recounted from the warm sets
        assertThat(sets.countEach(List.of(comments, likes))).containsExactly(3L, 2L);
        assertThat(loads).hasValue(2);
    }
}
