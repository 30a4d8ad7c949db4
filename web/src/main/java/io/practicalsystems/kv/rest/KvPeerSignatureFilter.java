package io.practicalsystems.kv.rest;

import io.practicalsystems.kv.application.KvService;
import io.practicalsystems.kv.application.KvUnavailableException;
import io.practicalsystems.kv.peer.RequestSignature;
import io.practicalsystems.kv.peer.server.PeerRefusedException;
import io.practicalsystems.kv.peer.server.PeerServer;
import jakarta.annotation.Priority;
import jakarta.ejb.EJB;
import jakarta.ws.rs.NameBinding;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.URI;

/**
 * Admits a node-to-node HTTP call only with a valid {@link RequestSignature} ({@link PeerServer#admitRequest}):
 * the signature is checked before the body is read, the body (at most the peers' message limit) after.
 */
@Provider
@KvPeerSignatureFilter.Signed
@Priority(Priorities.AUTHENTICATION)
public class KvPeerSignatureFilter implements ContainerRequestFilter {

    /** Marks the resources whose calls must be signed by a peer. */
    @NameBinding
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.TYPE, ElementType.METHOD})
    public @interface Signed {
    }

    @EJB
    KvService kv;

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        try {
            PeerServer peers = kv.peers();
            URI uri = request.getUriInfo().getRequestUri();
            String target = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            RequestSignature signature = peers.admitRequest(request.getMethod(), target,
                    request.getHeaderString(RequestSignature.HEADER));
            byte[] body = bounded(request.getEntityStream(), peers.limits().maxMessageBytes());
            peers.checkBody(signature, body);
            request.setEntityStream(new ByteArrayInputStream(body));
        } catch (PeerRefusedException e) {
            request.abortWith(KvProblems.refused(e));
        } catch (KvUnavailableException e) {
            request.abortWith(KvProblems.unavailable(e));
        }
    }

    private static byte[] bounded(InputStream in, int limit) throws IOException {
        byte[] body = in.readNBytes(limit + 1);
        if (body.length > limit) {
            throw new PeerRefusedException(413, "a node-to-node body is limited to " + limit + " bytes");
        }
        return body;
    }
}
