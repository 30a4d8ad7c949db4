package io.practicalsystems.crawler.rest;

import io.practicalsystems.crawler.application.CrawlRunUnavailableException;
import io.practicalsystems.platform.rest.Problems;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A crawl run could not be started: 503, the crawl left as it was. */
@Provider
public class CrawlRunUnavailableMapper implements ExceptionMapper<CrawlRunUnavailableException> {

    @Override
    public Response toResponse(CrawlRunUnavailableException e) {
        return Problems.of(503, "crawl-run-unavailable", "Crawl run unavailable", e.getMessage());
    }
}
