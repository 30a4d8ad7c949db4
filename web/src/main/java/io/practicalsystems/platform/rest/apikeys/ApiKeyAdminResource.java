package io.practicalsystems.platform.rest.apikeys;

import io.practicalsystems.platform.apikeys.ApiKeyService;
import io.practicalsystems.platform.apikeys.ApiKeyVerifier;
import io.practicalsystems.platform.apikeys.ApiKeyView;
import io.practicalsystems.platform.apikeys.IssuedApiKey;
import io.practicalsystems.platform.rest.InvalidParameterException;
import io.practicalsystems.platform.rest.NumberParameter;
import io.practicalsystems.platform.rest.Problems;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Issuing and revoking API keys (admin only). The key is in the answer to POST and nowhere else, ever: only its
 * SHA-256 is stored. A revoked key stops working on this server at once and everywhere within
 * {@code ps.apikeys.cache.seconds}.
 */
@Path("/api/keys")
@ApplicationScoped
@RolesAllowed("admin")
@Tag(name = "API keys")
@Produces(MediaType.APPLICATION_JSON)
public class ApiKeyAdminResource {

    private static final Pattern KEY_ID = Pattern.compile("[0-9a-f]{16}");
    private static final int MAX_PAGE_SIZE = 100;

    @Inject
    ApiKeyService keys;

    @Inject
    ApiKeyVerifier verifier;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Issue a key: 201 with id, name and the key itself (shown only this once)")
    public Response issue(IssueApiKeyRequest request) {
        String name = request == null || request.name() == null ? "unnamed" : request.name().strip();
        if (name.isEmpty() || name.length() > ApiKeyService.MAX_NAME_LENGTH
                || name.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidParameterException("name", "1 to " + ApiKeyService.MAX_NAME_LENGTH
                    + " characters without control characters");
        }
        IssuedApiKey issued = keys.issue(name);
        return Response.created(URI.create("/api/keys/" + issued.id())).entity(issued)
                .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    @GET
    @Operation(summary = "Issued keys, newest first, without the keys themselves")
    public List<ApiKeyView> list(@QueryParam("page") String page, @QueryParam("size") String size) {
        int pageNumber = (int) NumberParameter.optional("page", page, 0, 1_000_000, 0);
        int pageSize = (int) NumberParameter.optional("size", size, 1, MAX_PAGE_SIZE, 50);
        return keys.list(pageNumber, pageSize);
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Revoke a key (again: no change). 404 if no key has this id")
    public Response revoke(@PathParam("id") String id) {
        boolean found = KEY_ID.matcher(id).matches() && verifier.revoke(id);
        return found ? Response.noContent().build()
                : Problems.of(404, "api-key-not-found", "API key not found",
                        "no API key has this id (ids are 16 hex digits, as listed by GET /api/keys)");
    }
}
