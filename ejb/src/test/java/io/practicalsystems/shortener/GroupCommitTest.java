package io.practicalsystems.shortener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GroupCommitTest {

    private final ExecutorService threads = Executors.newCachedThreadPool();
    /** Every batch the writer was given, in the order it was given them. */
    private final List<List<Integer>> batches = Collections.synchronizedList(new ArrayList<>());

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    /** Doubles each item, except that odd items fail; records every batch. */
    private void doubleEvensFailOdds(List<GroupCommit.Entry<Integer, Integer>> batch) {
        batches.add(batch.stream().map(GroupCommit.Entry::item).toList());
        for (GroupCommit.Entry<Integer, Integer> entry : batch) {
            if (entry.item() % 2 == 0) {
                entry.succeed(entry.item() * 2);
            } else {
                entry.fail(new IllegalArgumentException("odd " + entry.item()));
            }
        }
    }

    private final CountDownLatch firstBatchEntered = new CountDownLatch(1);
    private final CountDownLatch releaseFirstBatch = new CountDownLatch(1);

    /** {@link #doubleEvensFailOdds}, but the batch of item 0 waits for {@link #releaseFirstBatch}: the others queue. */
    private GroupCommit<Integer, Integer> holdingTheFirstBatch(int maxBatch, int maxQueued) {
        return new GroupCommit<>(batch -> {
            if (batch.get(0).item() == 0) {
                firstBatchEntered.countDown();
                releaseFirstBatch.await();
            }
            doubleEvensFailOdds(batch);
        }, maxBatch, maxQueued);
    }

    private Future<Integer> writeZeroAndHoldIt(GroupCommit<Integer, Integer> commits) throws InterruptedException {
        Future<Integer> zero = threads.submit(() -> commits.submit(0));
        firstBatchEntered.await();
        return zero;
    }

    @Test
    void aLoneSubmitterWritesItsItemAloneAndGetsItsResult() {
        GroupCommit<Integer, Integer> commits = new GroupCommit<>(this::doubleEvensFailOdds, 8, 16);

        assertThat(commits.submit(4)).isEqualTo(8);
        assertThat(commits.submit(6)).isEqualTo(12);
        assertThat(batches).containsExactly(List.of(4), List.of(6));
    }

    @Test
    void aFailingItemFailsOnlyItselfNotItsBatchMates() throws Exception {
        GroupCommit<Integer, Integer> commits = holdingTheFirstBatch(8, 16);
        Future<Integer> first = writeZeroAndHoldIt(commits);
        List<Future<Integer>> queued = new ArrayList<>();
        for (int item = 1; item <= 4; item++) {
            queued.add(queueBehindTheHeldBatch(commits, item));
        }
        releaseFirstBatch.countDown();

        assertThat(first.get(5, TimeUnit.SECONDS)).isZero();
        assertThat(queued.get(1).get(5, TimeUnit.SECONDS)).isEqualTo(4);
        assertThat(queued.get(3).get(5, TimeUnit.SECONDS)).isEqualTo(8);
        assertThatThrownBy(() -> queued.get(0).get(5, TimeUnit.SECONDS)).hasRootCauseMessage("odd 1");
        assertThatThrownBy(() -> queued.get(2).get(5, TimeUnit.SECONDS)).hasRootCauseMessage("odd 3");
        assertThat(batches).containsExactly(List.of(0), List.of(1, 2, 3, 4)); // one batch, in arrival order
    }

    @Test
    void batchesKeepArrivalOrderAndNeverExceedTheBatchSize() throws Exception {
        GroupCommit<Integer, Integer> commits = holdingTheFirstBatch(3, 16);
        List<Future<Integer>> all = new ArrayList<>();
        all.add(writeZeroAndHoldIt(commits));
        for (int item = 2; item <= 16; item += 2) {
            all.add(queueBehindTheHeldBatch(commits, item));
        }
        releaseFirstBatch.countDown();
        for (int i = 0; i < all.size(); i++) {
            assertThat(all.get(i).get(5, TimeUnit.SECONDS)).isEqualTo(4 * i);
        }

        assertThat(batches).containsExactly(List.of(0), List.of(2, 4, 6), List.of(8, 10, 12), List.of(14, 16));
    }

    @Test
    void manyConcurrentSubmittersEachGetTheirOwnOutcome() throws Exception {
        GroupCommit<Integer, Integer> commits = new GroupCommit<>(this::doubleEvensFailOdds, 16, 1000);
        List<Future<Integer>> all = new ArrayList<>();
        for (int item = 0; item < 1000; item++) {
            int value = item;
            all.add(threads.submit(() -> commits.submit(value)));
        }
        for (int item = 0; item < 1000; item++) {
            if (item % 2 == 0) {
                assertThat(all.get(item).get(10, TimeUnit.SECONDS)).isEqualTo(2 * item);
            } else {
                Future<Integer> odd = all.get(item);
                assertThatThrownBy(() -> odd.get(10, TimeUnit.SECONDS)).hasRootCauseMessage("odd " + item);
            }
        }
        assertThat(batches.stream().mapToInt(List::size).sum()).isEqualTo(1000); // each item written once
        assertThat(batches).allSatisfy(batch -> assertThat(batch).hasSizeBetween(1, 16));
    }

    @Test
    void aWriterThatThrowsFailsItsWholeBatchAndTheNextBatchStillRuns() {
        GroupCommit<Integer, Integer> commits = new GroupCommit<>(batch -> {
            if (batch.get(0).item() == 13) {
                throw new java.sql.SQLException("database down");
            }
            doubleEvensFailOdds(batch);
        }, 8, 16);

        assertThatThrownBy(() -> commits.submit(13)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("database down");
        assertThat(commits.submit(2)).isEqualTo(4);
    }

    @Test
    void anItemTheWriterLeavesUndecidedFails() {
        GroupCommit<Integer, Integer> commits = new GroupCommit<>(batch -> { }, 8, 16);

        assertThatThrownBy(() -> commits.submit(1)).hasMessageContaining("undecided");
    }

    @Test
    void aFullQueueRejectsAtOnceAndWritesNothingOfTheRejectedItem() throws Exception {
        GroupCommit<Integer, Integer> commits = holdingTheFirstBatch(2, 2);
        Future<Integer> first = writeZeroAndHoldIt(commits);
        Future<Integer> second = queueBehindTheHeldBatch(commits, 2);
        Future<Integer> third = queueBehindTheHeldBatch(commits, 4);

        assertThatThrownBy(() -> commits.submit(6)).isInstanceOf(GroupCommit.Rejected.class);
        releaseFirstBatch.countDown();
        assertThat(List.of(first.get(5, TimeUnit.SECONDS), second.get(5, TimeUnit.SECONDS),
                third.get(5, TimeUnit.SECONDS))).containsExactly(0, 4, 8);
        assertThat(batches).containsExactly(List.of(0), List.of(2, 4));
    }

    @Test
    void closeWritesWhatIsQueuedThenRejectsNewItems() throws Exception {
        GroupCommit<Integer, Integer> commits = holdingTheFirstBatch(8, 16);
        Future<Integer> first = writeZeroAndHoldIt(commits);
        Future<Integer> queued = queueBehindTheHeldBatch(commits, 2);
        Future<Boolean> closed = threads.submit(() -> commits.close(5, TimeUnit.SECONDS));
        while (!commits.isClosed()) {
            Thread.onSpinWait();
        }

        assertThatThrownBy(() -> commits.submit(4)).isInstanceOf(GroupCommit.Rejected.class);
        releaseFirstBatch.countDown();
        assertThat(closed.get(5, TimeUnit.SECONDS)).isTrue();
        assertThat(first.get()).isZero();
        assertThat(queued.get()).isEqualTo(4);
        assertThat(batches).containsExactly(List.of(0), List.of(2));
    }

    /** Submits {@code item} from another thread and returns once it waits in the queue (nothing drains it yet). */
    private Future<Integer> queueBehindTheHeldBatch(GroupCommit<Integer, Integer> commits, int item)
            throws InterruptedException {
        int before = commits.queued();
        Future<Integer> submitted = threads.submit(() -> commits.submit(item));
        while (commits.queued() == before) {
            Thread.sleep(1);
        }
        return submitted;
    }
}
