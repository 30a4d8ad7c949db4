package io.practicalsystems.kv.rest;

import io.practicalsystems.kv.coordinator.QuorumNotReachedException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Too few replicas answered: 503 with the counts and Retry-After. */
@Provider
public class QuorumNotReachedMapper implements ExceptionMapper<QuorumNotReachedException> {

    @Override
    public Response toResponse(QuorumNotReachedException e) {
        return KvProblems.quorum(e);
    }
}
