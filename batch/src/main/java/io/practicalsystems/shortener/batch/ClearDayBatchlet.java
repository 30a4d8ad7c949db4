package io.practicalsystems.shortener.batch;

import io.practicalsystems.shortener.application.ClickRollupStore;
import io.practicalsystems.shortener.application.LegacyClickRows;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.transaction.Transactional;

/** Step 1 of click-rollup: drop the day's previous rollup, so reruns recompute instead of adding twice. */
@Named("clickRollupClearDay")
@Dependent
public class ClearDayBatchlet extends AbstractBatchlet {

    @Inject
    ClickRollupStore store;

    @Inject
    LegacyClickRows legacy;

    @Inject
    JobContext job;

    @Override
    @Transactional
    public String process() {
        // Clicks stored one row per click by an older version become batches first (each page its own transaction).
        while (legacy.convertPage() > 0) {
            // next page
        }
        store.clear(RollupDay.from(BatchRuntime.getJobOperator().getParameters(job.getExecutionId())));
        return "CLEARED";
    }
}
