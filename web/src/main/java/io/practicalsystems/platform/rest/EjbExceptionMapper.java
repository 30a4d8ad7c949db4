package io.practicalsystems.platform.rest;

import io.practicalsystems.platform.problem.Incidents;
import jakarta.ejb.EJBException;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.sql.SQLException;
import java.util.Map;

/**
 * A system exception out of an EJB (e.g. the commit failed because the database went away): 503 when the cause
 * is the database, otherwise the generic 500 with an incident id.
 */
@Provider
public class EjbExceptionMapper implements ExceptionMapper<EJBException> {

    @Override
    public Response toResponse(EJBException exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof SQLException || t instanceof PersistenceException) {
                return Problems.problem(503, "storage-unavailable", "Storage unavailable",
                                "the database is unavailable; try again shortly", Map.of("retryAfterSeconds", 5))
                        .header(HttpHeaders.RETRY_AFTER, 5).build();
            }
        }
        return Problems.response(Incidents.record(exception, "system exception out of an EJB")).build();
    }
}
