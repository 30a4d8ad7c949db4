package io.practicalsystems.crawler.rest;

import io.practicalsystems.crawler.application.InvalidCrawlDefinitionException;
import io.practicalsystems.platform.rest.Problems;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A crawl definition the crawler refuses: 400 naming the field. */
@Provider
public class InvalidCrawlDefinitionMapper implements ExceptionMapper<InvalidCrawlDefinitionException> {

    @Override
    public Response toResponse(InvalidCrawlDefinitionException e) {
        return Problems.badRequest(e.field(), e.getMessage());
    }
}
