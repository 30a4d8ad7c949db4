package io.practicalsystems.idgen.rest;

import io.practicalsystems.idgen.application.IdGeneratorUnavailableException;
import io.practicalsystems.platform.rest.Problems;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;

/** 503 + Retry-After: the generator refuses (clock behind, no lease) rather than risk a duplicate ID. */
@Provider
public class IdGeneratorUnavailableMapper implements ExceptionMapper<IdGeneratorUnavailableException> {

    @Override
    public Response toResponse(IdGeneratorUnavailableException exception) {
        return Problems.problem(503, "idgen-unavailable", "ID generator unavailable", exception.getMessage(),
                        Map.of("retryAfterSeconds", exception.retryAfterSeconds()))
                .header(HttpHeaders.RETRY_AFTER, exception.retryAfterSeconds())
                .build();
    }
}
