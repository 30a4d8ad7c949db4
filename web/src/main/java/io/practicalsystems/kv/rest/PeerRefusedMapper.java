package io.practicalsystems.kv.rest;

import io.practicalsystems.kv.peer.server.PeerRefusedException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A node-to-node call this node refuses (bad signature, malformed message, too large): the status it chose. */
@Provider
public class PeerRefusedMapper implements ExceptionMapper<PeerRefusedException> {

    @Override
    public Response toResponse(PeerRefusedException e) {
        return KvProblems.refused(e);
    }
}
