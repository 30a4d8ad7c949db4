package io.practicalsystems.crawler.batch;

import io.practicalsystems.crawler.application.FetchDispatcher;
import io.practicalsystems.crawler.frontier.Claim;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/** The dispatch step's writer: hands the chunk's claims to the {@link FetchDispatcher}, in the chunk transaction. */
@Named("fetchDispatchWriter")
@Dependent
public class FetchDispatchWriter extends AbstractItemWriter {

    @Inject
    JobContext job;

    @Inject
    FetchDispatcher dispatcher;

    private String crawlId;

    @Override
    public void open(Serializable checkpoint) {
        crawlId = CrawlRunParameters.crawlId(job);
    }

    @Override
    public void writeItems(List<Object> items) {
        if (!items.isEmpty()) {
            dispatcher.dispatch(crawlId, items.stream().map(Claim.class::cast).toList());
        }
    }
}
