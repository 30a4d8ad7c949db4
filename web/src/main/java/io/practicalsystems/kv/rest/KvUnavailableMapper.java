package io.practicalsystems.kv.rest;

import io.practicalsystems.kv.application.KvUnavailableException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** This server's key-value node is not running (disabled, misconfigured, store not open): 503 with Retry-After. */
@Provider
public class KvUnavailableMapper implements ExceptionMapper<KvUnavailableException> {

    @Override
    public Response toResponse(KvUnavailableException e) {
        return KvProblems.unavailable(e);
    }
}
