package io.practicalsystems.shortener.batch;

import io.practicalsystems.shortener.application.rollup.ClickRollupStore;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.transaction.Transactional;
import java.time.LocalDate;

/** Last step: record the day as rolled up; exit status {@code EVENTS=<n>} for the Admin Center. */
@Named("clickRollupMarkDone")
@Dependent
public class MarkRolledUpBatchlet extends AbstractBatchlet {

    @Inject
    ClickRollupStore store;

    @Inject
    JobContext job;

    @Override
    @Transactional
    public String process() {
        LocalDate day = RollupDay.from(BatchRuntime.getJobOperator().getParameters(job.getExecutionId()));
        String status = "DAY=" + day + " EVENTS=" + store.markRolledUp(day);
        job.setExitStatus(status);
        return status;
    }
}
