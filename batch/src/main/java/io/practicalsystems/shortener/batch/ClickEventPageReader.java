package io.practicalsystems.shortener.batch;

import io.practicalsystems.shortener.ClickEvent;
import io.practicalsystems.shortener.application.ClickRollupStore;
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
 * Reads the day's raw click events page by page in event-ID order. The checkpoint is the last event ID handed
 * to the writer, so a restarted job resumes right after the last committed chunk.
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
    private String lastEventId;
    private final Deque<ClickEvent> buffer = new ArrayDeque<>();
    private boolean exhausted;

    @Override
    public void open(Serializable checkpoint) {
        day = RollupDay.from(BatchRuntime.getJobOperator().getParameters(job.getExecutionId()));
        lastEventId = (String) checkpoint;
    }

    @Override
    public Object readItem() {
        if (buffer.isEmpty() && !exhausted) {
            int size = pageSize == null ? 500 : Integer.parseInt(pageSize);
            // The buffer is drained before the next page is read, so the last handed-out ID is where it starts.
            var page = store.page(day, lastEventId, size);
            buffer.addAll(page);
            exhausted = page.size() < size;
        }
        ClickEvent next = buffer.pollFirst();
        if (next != null) {
            lastEventId = next.eventId();
        }
        return next;
    }

    @Override
    public Serializable checkpointInfo() {
        return lastEventId;
    }
}
