package io.practicalsystems.crawler.batch;

import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;
import java.util.List;

/**
 * The dispatch step's writer. The claims were handed to the fetch pipeline by {@link FrontierClaimReader} as they
 * were claimed (a claim waiting for its chunk to end would hold its host's lease idle); the chunk's items only feed
 * the step's metrics, so there is nothing left to write.
 */
@Named("fetchDispatchWriter")
@Dependent
public class FetchDispatchWriter extends AbstractItemWriter {

    @Override
    public void writeItems(List<Object> items) {
        // dispatched by the reader
    }
}
