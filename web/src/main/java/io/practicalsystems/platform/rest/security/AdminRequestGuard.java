package io.practicalsystems.platform.rest.security;

import io.practicalsystems.platform.rest.Problems;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import java.util.Locale;

/**
 * What an admin request must be before its credentials are even looked at (runs ahead of authentication):
 *
 * <ul>
 *   <li>over HTTPS, else 403 problem+json saying so. No redirect: a redirected write would have sent its body and
 *       credentials in clear already, and clients that follow it may turn a POST into a GET.</li>
 *   <li>with a JSON body or none, else 415 problem+json. An HTML form can only send form, multipart or text bodies,
 *       and a cross-site request with a JSON content type needs a CORS preflight this server never grants, so a
 *       page on another site cannot make a signed-in browser call an admin endpoint.</li>
 * </ul>
 */
@Priority(Priorities.AUTHENTICATION - 100)
public class AdminRequestGuard implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        if (!request.getSecurityContext().isSecure()) {
            request.abortWith(Problems.of(403, "https-required", "HTTPS required",
                    "Admin endpoints answer over HTTPS only (the server's HTTPS port, 9443 by default); this request "
                            + "came over plain HTTP, where its credentials can be read on the way. Repeat it with "
                            + "https://."));
            return;
        }
        MediaType type = request.getMediaType();
        if (type == null ? request.hasEntity() : !isJson(type)) {
            request.abortWith(Problems.of(415, "json-required", "JSON required",
                    "Admin endpoints accept a JSON body (Content-Type: application/json) or no body at all."));
        }
    }

    /** application/json or application/*+json, exactly: no wildcards. */
    static boolean isJson(MediaType type) {
        String subtype = type.getSubtype().toLowerCase(Locale.ROOT);
        return "application".equalsIgnoreCase(type.getType()) && (subtype.equals("json") || subtype.endsWith("+json"));
    }
}
