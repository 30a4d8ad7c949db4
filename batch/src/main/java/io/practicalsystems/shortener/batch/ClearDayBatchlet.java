package io.practicalsystems.shortener.batch;

import io.practicalsystems.shortener.application.rollup.ClickRollupStore;
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
    JobContext job;

    @Override
    @Transactional
    public String process() {
        store.clear(RollupDay.from(BatchRuntime.getJobOperator().getParameters(job.getExecutionId())));
        return "CLEARED";
    }
}
