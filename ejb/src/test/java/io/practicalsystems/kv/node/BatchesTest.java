package io.practicalsystems.kv.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class BatchesTest {

    @Test
    void sendsConsecutiveBatchesOneAfterAnother() {
        List<List<Integer>> sent = new ArrayList<>();
        CompletableFuture<Void> done = Batches.send(List.of(1, 2, 3, 4, 5), 2, batch -> {
            sent.add(batch);
            return CompletableFuture.completedFuture(null);
        });
        assertThat(done).isCompleted();
        assertThat(sent).containsExactly(List.of(1, 2), List.of(3, 4), List.of(5));
    }

    @Test
    void stopsAtTheFirstFailedBatch() {
        List<List<Integer>> sent = new ArrayList<>();
        CompletableFuture<Void> done = Batches.send(List.of(1, 2, 3, 4, 5), 2, batch -> {
            sent.add(batch);
            return sent.size() == 2 ? CompletableFuture.failedFuture(new IllegalStateException("lost"))
                    : CompletableFuture.completedFuture(null);
        });
        assertThat(done).isCompletedExceptionally();
        assertThat(sent).hasSize(2);
    }

    @Test
    void nothingToSendIsDoneAtOnce() {
        assertThat(Batches.<Integer>send(List.of(), 2, batch -> {
            throw new AssertionError("nothing to send");
        })).isCompleted();
    }
}
