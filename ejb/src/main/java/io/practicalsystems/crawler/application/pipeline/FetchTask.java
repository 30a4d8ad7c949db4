package io.practicalsystems.crawler.application.pipeline;

import io.practicalsystems.crawler.frontier.Claim;
import io.practicalsystems.crawler.frontier.UrlKind;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.util.Objects;

/**
 * One claimed URL on its way to a fetcher: the body of one message on queue {@code crawler.fetch}, as JSON
 * ({@code {"crawlId":…,"url":…,"hostKey":…,"depth":…,"kind":…,"attempt":…,"hostErrors":…,"token":…,
 * "worker":…,"leaseExpiresAt":…}}). Everything the fetcher needs is in the claim; the crawl's definition is read
 * by id.
 */
public record FetchTask(String crawlId, Claim claim, long notBeforeMillis) {

    public FetchTask {
        Objects.requireNonNull(crawlId, "crawlId");
        Objects.requireNonNull(claim, "claim");
    }

    /** A task that may fetch at once. */
    public FetchTask(String crawlId, Claim claim) {
        this(crawlId, claim, 0);
    }

    /**
     * The task of a claim just taken, on this server's clock: its host is due {@link Claim#dueInMillis} from now.
     * "Now" is after the claim returned, so the task never starts before the host was due on the frontier's clock.
     */
    public static FetchTask claimedAt(long nowMillis, String crawlId, Claim claim) {
        return new FetchTask(crawlId, claim, claim.dueInMillis() == 0 ? 0 : nowMillis + claim.dueInMillis());
    }

    public String toJson() {
        return Json.createObjectBuilder()
                .add("crawlId", crawlId)
                .add("url", claim.url())
                .add("hostKey", claim.hostKey())
                .add("depth", claim.depth())
                .add("kind", claim.kind().name())
                .add("attempt", claim.attempt())
                .add("hostErrors", claim.hostConsecutiveErrors())
                .add("token", claim.token())
                .add("worker", claim.workerId())
                .add("leaseExpiresAt", claim.leaseExpiresAtMillis())
                .add("dueIn", claim.dueInMillis())
                .add("notBefore", notBeforeMillis)
                .build().toString();
    }

    /** @throws IllegalArgumentException when the text is not a task this class wrote */
    public static FetchTask fromJson(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            JsonObject o = reader.readObject();
            return new FetchTask(o.getString("crawlId"), new Claim(o.getString("url"), o.getString("hostKey"),
                    o.getInt("depth"), UrlKind.valueOf(o.getString("kind")), o.getInt("attempt"),
                    o.getInt("hostErrors"), o.getString("token"), o.getString("worker"),
                    o.getJsonNumber("leaseExpiresAt").longValueExact(),
                    o.containsKey("dueIn") ? o.getJsonNumber("dueIn").longValueExact() : 0),
                    o.containsKey("notBefore") ? o.getJsonNumber("notBefore").longValueExact() : 0);
        } catch (JsonException | ClassCastException | NullPointerException | ArithmeticException e) {
            throw new IllegalArgumentException("not a fetch task: " + e.getMessage(), e);
        }
    }
}
