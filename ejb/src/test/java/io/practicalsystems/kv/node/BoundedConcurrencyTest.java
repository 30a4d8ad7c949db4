package io.practicalsystems.kv.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BoundedConcurrencyTest {

    @Test
    void neverRunsMoreThanTheLimitAtOnceAndRunsEveryItemWithResultsInItemOrder() {
        List<CompletableFuture<Integer>> started = new ArrayList<>();
        List<Integer> items = IntStream.range(0, 10).boxed().toList();

        CompletableFuture<List<Integer>> all = BoundedConcurrency.map(items, 3, item -> {
            CompletableFuture<Integer> task = new CompletableFuture<>();
            started.add(task);
            return task;
        });

        int completed = 0;
        while (completed < items.size()) {
            long inFlight = started.stream().filter(f -> !f.isDone()).count();
            assertThat(inFlight).isLessThanOrEqualTo(3).isPositive();
            assertThat(all).isNotDone();
            // complete the newest first: the order of completion must not matter
            CompletableFuture<Integer> task = started.stream().filter(f -> !f.isDone()).reduce((a, b) -> b)
                    .orElseThrow();
            task.complete(started.indexOf(task) * 10);
            completed++;
        }
        assertThat(started).hasSize(10);
        assertThat(all.join()).containsExactly(0, 10, 20, 30, 40, 50, 60, 70, 80, 90);
    }

    @Test
    void aFailedTaskLetsTheOthersRunThenFailsTheResult() {
        List<Integer> ran = new ArrayList<>();
        CompletableFuture<List<Integer>> all = BoundedConcurrency.map(List.of(1, 2, 3, 4, 5), 1, item -> {
            ran.add(item);
            if (item == 2) {
                throw new IllegalStateException("peer down");
            }
            return CompletableFuture.completedFuture(item);
        });

        assertThat(ran).containsExactly(1, 2, 3, 4, 5);
        assertThatThrownBy(all::join).isInstanceOf(CompletionException.class).hasRootCauseMessage("peer down");
    }

    @Test
    void noItemsIsAnEmptyResult() {
        assertThat(BoundedConcurrency.map(List.<Integer>of(), 4, CompletableFuture::completedFuture).join()).isEmpty();
    }
}
