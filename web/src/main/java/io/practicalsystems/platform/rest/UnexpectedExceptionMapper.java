package io.practicalsystems.platform.rest;

import io.practicalsystems.platform.problem.BackendOutage;
import io.practicalsystems.platform.problem.Incidents;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Last resort: a backing service that could not be reached is a 503 with Retry-After ({@link BackendOutage});
 * anything else unmapped is an {@link Incidents incident} — a 500 problem carrying an id that also appears in the
 * server log next to the stack trace. The exception's message and class never reach the client.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    @Override
    public Response toResponse(Throwable exception) {
        return answer(exception, "unmapped exception in a REST call");
    }

    static Response answer(Throwable exception, String where) {
        return BackendOutage.of(exception)
                .map(outage -> Problems.response(outage.problem())
                        .header(HttpHeaders.RETRY_AFTER, BackendOutage.RETRY_AFTER_SECONDS).build())
                .orElseGet(() -> Problems.response(Incidents.record(exception, where)).build());
    }
}
