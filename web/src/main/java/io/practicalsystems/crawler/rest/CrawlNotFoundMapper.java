package io.practicalsystems.crawler.rest;

import io.practicalsystems.crawler.application.CrawlNotFoundException;
import io.practicalsystems.platform.rest.Problems;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** No crawl with that id: 404. */
@Provider
public class CrawlNotFoundMapper implements ExceptionMapper<CrawlNotFoundException> {

    @Override
    public Response toResponse(CrawlNotFoundException e) {
        return Problems.of(404, "crawl-not-found", "Crawl not found", e.getMessage());
    }
}
