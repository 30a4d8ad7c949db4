package io.practicalsystems.crawler.rest;

import io.practicalsystems.crawler.application.IllegalCrawlTransitionException;
import io.practicalsystems.platform.rest.Problems;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;

/** An action the crawl's state does not allow: 409, with the state it is in. */
@Provider
public class IllegalCrawlTransitionMapper implements ExceptionMapper<IllegalCrawlTransitionException> {

    @Override
    public Response toResponse(IllegalCrawlTransitionException e) {
        return Problems.problem(409, "illegal-crawl-transition", "Not possible in this state", e.getMessage(),
                Map.of("state", e.current().name())).build();
    }
}
