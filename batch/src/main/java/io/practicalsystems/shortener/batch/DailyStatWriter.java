package io.practicalsystems.shortener.batch;

import io.practicalsystems.shortener.ClickBatch;
import io.practicalsystems.shortener.application.rollup.ClickRollupStore;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** Adds one chunk of click batches to the daily stats, inside the chunk's transaction. */
@Named("dailyStatWriter")
@Dependent
public class DailyStatWriter extends AbstractItemWriter {

    @Inject
    ClickRollupStore store;

    @Override
    public void writeItems(List<Object> items) {
        store.add(items.stream().map(ClickBatch.class::cast).flatMap(batch -> batch.counts().stream()).toList());
    }
}
