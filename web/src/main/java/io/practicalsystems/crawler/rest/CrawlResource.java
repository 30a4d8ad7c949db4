package io.practicalsystems.crawler.rest;

import io.practicalsystems.crawler.application.CrawlAction;
import io.practicalsystems.crawler.application.CrawlDefinition;
import io.practicalsystems.crawler.application.CrawlService;
import io.practicalsystems.crawler.application.CrawlSettings;
import io.practicalsystems.crawler.application.Listing;
import io.practicalsystems.crawler.application.store.CrawlDocument;
import io.practicalsystems.platform.rest.KnownFieldsBody;
import io.practicalsystems.platform.rest.NumberParameter;
import io.practicalsystems.platform.rest.ratelimit.RateLimited;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.net.URI;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Crawls: create and control them (admin, over HTTPS), read their status, pages and hosts (public, rate-limited by
 * the {@code crawl-read} policy). Listings are cursor-paginated: pass the previous answer's {@code next} back as
 * {@code cursor}; {@code limit} is 1..{@code ps.crawler.page.max} (default 20).
 */
@Path("/api/crawls")
@ApplicationScoped
@Tag(name = "Crawler")
@Produces(MediaType.APPLICATION_JSON)
public class CrawlResource {

    private static final int DEFAULT_LIMIT = 20;

    @Inject
    CrawlService crawls;

    @Inject
    CrawlSettings settings;

    @POST
    @RolesAllowed("admin")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Define a crawl (seeds, domains, patterns, limits): 201 with its id, state CREATED")
    public Response create(@RequestBody(description = "The definition: seeds, domains, patterns, limits, seen set "
            + "(docs/crawler.md); an unknown field is refused") InputStream body) {
        CrawlDocument crawl = crawls.create(KnownFieldsBody.bind(body, CrawlDefinition.Draft.class));
        return Response.created(URI.create("/api/crawls/" + crawl.id()))
                .entity(CrawlJson.of(crawls.status(crawl.id()))).build();
    }

    @GET
    @RateLimited("crawl-read")
    @Operation(summary = "Crawls in creation order (definitions and states, without counters)")
    public ListingJson<CrawlJson> list(@QueryParam("cursor") String cursor, @QueryParam("limit") String limit) {
        return json(crawls.list(cursor, limit(limit)), CrawlJson::summary);
    }

    @GET
    @Path("{id}")
    @RateLimited("crawl-read")
    @Operation(summary = "A crawl's state, frontier, fetched pages, duplicates, errors by kind and pages per second")
    public CrawlJson status(@PathParam("id") String id) {
        return CrawlJson.of(crawls.status(id));
    }

    @POST
    @Path("{id}/start")
    @RolesAllowed("admin")
    @Operation(summary = "CREATED → RUNNING: seeds the frontier and starts a crawl-run job on this server (202)")
    public Response start(@PathParam("id") String id) {
        return act(id, CrawlAction.START);
    }

    @POST
    @Path("{id}/pause")
    @RolesAllowed("admin")
    @Operation(summary = "RUNNING → PAUSED: runs stop claiming URLs and wait; fetches in flight finish (202)")
    public Response pause(@PathParam("id") String id) {
        return act(id, CrawlAction.PAUSE);
    }

    @POST
    @Path("{id}/resume")
    @RolesAllowed("admin")
    @Operation(summary = "PAUSED → RUNNING: the runs go on; starts one on this server if it has none (202)")
    public Response resume(@PathParam("id") String id) {
        return act(id, CrawlAction.RESUME);
    }

    @POST
    @Path("{id}/stop")
    @RolesAllowed("admin")
    @Operation(summary = "CREATED, RUNNING or PAUSED → STOPPED, for good (202)")
    public Response stop(@PathParam("id") String id) {
        return act(id, CrawlAction.STOP);
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed("admin")
    @Operation(summary = "Remove a crawl that is CREATED, STOPPED or FINISHED: its pages, Redis keys and itself (204)")
    public Response delete(@PathParam("id") String id) {
        crawls.delete(id);
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/pages")
    @RateLimited("crawl-read")
    @Operation(summary = "The crawl's stored pages (metadata, duplicates, errors), cursor-paginated")
    public ListingJson<PageJson> pages(@PathParam("id") String id, @QueryParam("cursor") String cursor,
                                       @QueryParam("limit") String limit) {
        return json(crawls.pages(id, cursor, limit(limit)), PageJson::of);
    }

    @GET
    @Path("{id}/hosts")
    @RateLimited("crawl-read")
    @Operation(summary = "The crawl's hosts: fetched, errors, robots state, delay, next fetch time, lease holder")
    public ListingJson<HostJson> hosts(@PathParam("id") String id, @QueryParam("cursor") String cursor,
                                       @QueryParam("limit") String limit) {
        return json(crawls.hosts(id, cursor, limit(limit)), HostJson::of);
    }

    private Response act(String id, CrawlAction action) {
        crawls.apply(id, action);
        return Response.accepted(CrawlJson.of(crawls.status(id))).build();
    }

    private int limit(String raw) {
        return (int) NumberParameter.optional("limit", raw, 1, settings.maxPageSize(), DEFAULT_LIMIT);
    }

    private static <T, J> ListingJson<J> json(Listing<T> listing, Function<T, J> toJson) {
        return new ListingJson<>(listing.items().stream().map(toJson).toList(), listing.next());
    }
}
