package io.practicalsystems.shortener.batch;

import io.practicalsystems.shortener.ClickBatch;
import io.practicalsystems.shortener.application.rollup.ClickRollupStore;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Reads the day's raw click batches page by page in batch-ID order; one item is one batch (the counts of one flush of one server). The
 * checkpoint is the last batch ID handed to the writer, so a restarted job resumes right after the last committed
 * chunk.
 */
@Named("clickEventPageReader")
@Dependent
public class ClickEventPageReader extends AbstractItemReader {

    @Inject
    ClickRollupStore store;

    @Inject
    JobContext job;

    @Inject
    @BatchProperty(name = "pageSize")
    String pageSize;

    private LocalDate day;
    private String lastBatchId;
    private final Deque<ClickBatch> buffer = new ArrayDeque<>();
    private boolean exhausted;

    @Override
    public void open(Serializable checkpoint) {
        day = RollupDay.from(BatchRuntime.getJobOperator().getParameters(job.getExecutionId()));
        lastBatchId = (String) checkpoint;
    }

    @Override
    public Object readItem() {
        if (buffer.isEmpty() && !exhausted) {
            int size = pageSize == null ? 20 : Integer.parseInt(pageSize);
            // The buffer is drained before the next page is read, so the last handed-out ID is where it starts.
            var page = store.page(day, lastBatchId, size);
            buffer.addAll(page);
            exhausted = page.size() < size;
        }
        ClickBatch next = buffer.pollFirst();
        if (next != null) {
            lastBatchId = next.id();
        }
        return next;
    }

    @Override
    public Serializable checkpointInfo() {
        return lastBatchId;
    }
}
