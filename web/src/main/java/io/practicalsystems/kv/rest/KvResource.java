package io.practicalsystems.kv.rest;

import io.practicalsystems.kv.application.KvService;
import io.practicalsystems.kv.application.KvSettings;
import io.practicalsystems.kv.coordinator.RequestOverrides;
import io.practicalsystems.kv.node.ClientReadResult;
import io.practicalsystems.kv.node.ClientWriteResult;
import io.practicalsystems.kv.storage.Blob;
import io.practicalsystems.kv.version.CausalContext;
import io.practicalsystems.kv.version.ContextTokens;
import io.practicalsystems.platform.rest.InvalidParameterException;
import io.practicalsystems.platform.rest.Problems;
import io.practicalsystems.platform.rest.ratelimit.RateLimited;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET|PUT|DELETE /api/kv/{key}}: the Dynamo-style store's client API. Parses and validates, then delegates to
 * this server's node, which coordinates (or forwards to a coordinator). Answers asynchronously: no request thread
 * waits on replicas.
 *
 * <p>The causal context travels in {@code X-Causal-Context}: a get returns it, a put or delete sends it back to say
 * "this replaces what I read" (without it a write is concurrent with everything stored: a sibling). Contexts are
 * authenticated ({@link ContextTokens}): one this cluster did not issue for the key is refused with 400.
 *
 * <p>Every call takes a token of the client's {@code kv} rate limit (docs/ratelimit.md).
 */
@Path("/api/kv")
@ApplicationScoped
@RateLimited("kv")
@Tag(name = "Key-value store")
public class KvResource {

    public static final String CONTEXT_HEADER = "X-Causal-Context";

    @EJB
    KvService kv;

    /** The limits, read straight from config: through the EJB they cost a container call each, per request. */
    @Inject
    KvSettings settings;

    @GET
    @Path("{key: .+}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Read a key: its value, or all concurrent siblings, plus the causal context")
    public CompletionStage<Response> get(@PathParam("key") String key, @QueryParam("r") String r) {
        checkKey(key);
        RequestOverrides overrides = new RequestOverrides(quorumParam("r", r), OptionalInt.empty());
        ContextTokens tokens = kv.contextTokens();
        return kv.get(key, overrides).handle((result, failure) -> failure != null ? KvProblems.of(failure)
                : read(key, result, tokens));
    }

    @PUT
    @Path("{key: .+}")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Write a value; send the X-Causal-Context of your last read to replace what you read")
    public CompletionStage<Response> put(@PathParam("key") String key, @HeaderParam(CONTEXT_HEADER) String context,
            @QueryParam("w") String w, byte[] body) {
        checkKey(key);
        byte[] value = body == null ? new byte[0] : body;
        if (value.length > settings.maxValueBytes()) {
            return CompletableFuture.completedFuture(Problems.of(413, "kv-value-too-large",
                    "Value too large", "the value has " + value.length + " bytes, at most "
                            + settings.maxValueBytes() + " are allowed (ps.kv.max-value-bytes)"));
        }
        RequestOverrides overrides = new RequestOverrides(OptionalInt.empty(), quorumParam("w", w));
        ContextTokens tokens = kv.contextTokens();
        return kv.put(key, context(tokens, key, context), Blob.of(value), overrides)
                .handle((result, failure) -> failure != null ? KvProblems.of(failure) : written(key, result, tokens));
    }

    @DELETE
    @Path("{key: .+}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Delete a key (a versioned tombstone); send the X-Causal-Context of your last read")
    public CompletionStage<Response> delete(@PathParam("key") String key, @HeaderParam(CONTEXT_HEADER) String context,
            @QueryParam("w") String w) {
        checkKey(key);
        RequestOverrides overrides = new RequestOverrides(OptionalInt.empty(), quorumParam("w", w));
        ContextTokens tokens = kv.contextTokens();
        return kv.delete(key, context(tokens, key, context), overrides)
                .handle((result, failure) -> failure != null ? KvProblems.of(failure) : written(key, result, tokens));
    }

    private static Response read(String key, ClientReadResult result, ContextTokens tokens) {
        KvJson.Read body = KvJson.read(key, result, tokens);
        if (!result.found()) {
            return Problems.problem(404, "kv-key-not-found", "Key not found",
                    result.tombstones() > 0 ? "'" + key + "' was deleted" : "'" + key + "' has no value",
                    Map.of("key", key, "context", body.context()))
                    .header(CONTEXT_HEADER, body.context()).build();
        }
        return Response.ok(body).header(CONTEXT_HEADER, body.context()).build();
    }

    private static Response written(String key, ClientWriteResult result, ContextTokens tokens) {
        KvJson.Written body = KvJson.written(key, result, tokens);
        return Response.ok(body).header(CONTEXT_HEADER, body.context()).build();
    }

    private void checkKey(String key) {
        int bytes = key.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > settings.maxKeyBytes()) {
            throw new InvalidParameterException("key", "the key has " + bytes + " bytes of UTF-8, at most "
                    + settings.maxKeyBytes() + " are allowed (ps.kv.max-key-bytes)");
        }
    }

    /** The context the client sent, if this cluster issued it for this key (a forged one could freeze the key). */
    private static CausalContext context(ContextTokens tokens, String key, String header) {
        if (header == null || header.isBlank()) {
            return CausalContext.empty();
        }
        try {
            return tokens.verify(key, header.trim());
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException(CONTEXT_HEADER, e.getMessage());
        }
    }

    private OptionalInt quorumParam(String name, String value) {
        if (value == null || value.isBlank()) {
            return OptionalInt.empty();
        }
        int n = kv.replicas();
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed >= 1 && parsed <= n) {
                return OptionalInt.of(parsed);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidParameterException(name, name.toUpperCase() + " must be a whole number 1.." + n + " (N), got '"
                + value + "'");
    }
}
