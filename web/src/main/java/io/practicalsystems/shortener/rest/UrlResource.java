package io.practicalsystems.shortener.rest;

import io.practicalsystems.platform.rest.InvalidParameterException;
import io.practicalsystems.platform.rest.NumberParameter;
import io.practicalsystems.platform.rest.ratelimit.RateLimited;
import io.practicalsystems.shortener.LinkStats;
import io.practicalsystems.shortener.application.LinkCreator;
import io.practicalsystems.shortener.application.LinkOwner;
import io.practicalsystems.shortener.application.LinkService;
import io.practicalsystems.shortener.application.LinkView;
import io.practicalsystems.shortener.application.ShortenerSettings;
import io.practicalsystems.shortener.application.StatsService;
import io.practicalsystems.shortener.application.UpdateLinkCommand;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Managing short links. The caller's {@code X-Api-Key} (optional; an issued key, verified before this class runs:
 * see {@code platform.rest.apikeys.ApiKeyFilter}) makes them the owner of what they create: only the same key may
 * change, delete or list those links. Creating takes a token of the {@code create} limit; reading a link, its stats
 * or one's own list a token of {@code link-read}.
 */
@Path("/api/urls")
@ApplicationScoped
@Tag(name = "URL shortener")
@Produces(MediaType.APPLICATION_JSON)
public class UrlResource {

    static final String API_KEY = "X-Api-Key";
    static final String CREATE_POLICY = "create";

    @Inject
    LinkService links;

    @Inject
    LinkCreator creator;

    @Inject
    StatsService stats;

    @Inject
    ShortenerSettings settings;

    /** Most creates are answered by {@link CreateFastPath} before JAX-RS; this is the rest, and what OpenAPI shows. */
    @POST
    @RateLimited(CREATE_POLICY)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Shorten a URL: 201 with code and shortUrl (200 with the existing code for an idempotent repeat)")
    public Response create(CreateLinkRequest request, @HeaderParam(API_KEY) String apiKey) {
        if (request == null) {
            throw new InvalidParameterException("url", "a JSON body with at least \"url\" is required");
        }
        LinkCreator.Created result = creator.create(request.command(apiKey));
        ShortLinkJson body = ShortLinkJson.of(result.link(), shortUrl(result.link().code()));
        return result.created()
                ? Response.created(URI.create(shortUrl(result.link().code()))).entity(body).build()
                : Response.ok(body).build();
    }

    @GET
    @Path("{code}")
    @RateLimited("link-read")
    @Operation(summary = "A link's destination and settings (never counts as a click)")
    public ShortLinkJson get(@PathParam("code") String code) {
        return ShortLinkJson.of(links.get(code), shortUrl(code));
    }

    @PATCH
    @Path("{code}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Operation(summary = "Change destination, redirect type or expiry (owner only); stats are kept")
    public ShortLinkJson update(@PathParam("code") String code, UpdateLinkRequest request,
                                @HeaderParam(API_KEY) String apiKey) {
        if (request == null) {
            throw new InvalidParameterException("body", "a JSON body with the fields to change is required");
        }
        LinkView view = links.update(code, new UpdateLinkCommand(LinkOwner.fromApiKey(apiKey), request.url(),
                request.expiresAt(), Boolean.TRUE.equals(request.clearExpiry()), request.redirectType()));
        return ShortLinkJson.of(view, shortUrl(code));
    }

    @DELETE
    @Path("{code}")
    @Operation(summary = "Delete (owner only). The code is never reissued.")
    public Response delete(@PathParam("code") String code, @HeaderParam(API_KEY) String apiKey) {
        links.delete(code, LinkOwner.fromApiKey(apiKey));
        return Response.noContent().build();
    }

    @GET
    @RateLimited("link-read")
    @Operation(summary = "The caller's own links, newest first (needs X-Api-Key)")
    public List<ShortLinkJson> list(@HeaderParam(API_KEY) String apiKey, @QueryParam("page") String page,
                                    @QueryParam("size") String size) {
        int pageNumber = (int) NumberParameter.optional("page", page, 0, 1_000_000, 0);
        int pageSize = (int) NumberParameter.optional("size", size, 1, settings.maxPageSize(), 20);
        return links.list(LinkOwner.fromApiKey(apiKey), pageNumber, pageSize).stream()
                .map(view -> ShortLinkJson.of(view, shortUrl(view.code()))).toList();
    }

    @GET
    @Path("{code}/stats")
    @RateLimited("link-read")
    @Operation(summary = "Total clicks, per-day series, top referrer hosts and top user-agent families")
    public LinkStats stats(@PathParam("code") String code) {
        return stats.stats(code);
    }

    private String shortUrl(String code) {
        return shortUrl(settings, code);
    }

    /** From the configured public base URL, never from the request: its {@code Host} header is the client's. */
    static String shortUrl(ShortenerSettings settings, String code) {
        return settings.publicBaseUrl() + "/" + code;
    }
}
