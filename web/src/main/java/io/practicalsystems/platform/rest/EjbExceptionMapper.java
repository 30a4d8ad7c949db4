package io.practicalsystems.platform.rest;

import jakarta.ejb.EJBException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A system exception out of an EJB (e.g. the commit failed because the database went away): 503 when a backing
 * service is unreachable, otherwise the generic 500 with an incident id.
 */
@Provider
public class EjbExceptionMapper implements ExceptionMapper<EJBException> {

    @Override
    public Response toResponse(EJBException exception) {
        return UnexpectedExceptionMapper.answer(exception, "system exception out of an EJB");
    }
}
