package io.practicalsystems.crawler.application.pipeline;

import io.practicalsystems.crawler.frontier.Claim;
import io.practicalsystems.crawler.frontier.UrlKind;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One claimed URL on its way to a fetcher, as JSON ({@code {"crawlId":…,"url":…,"hostKey":…,"depth":…,"kind":…,
 * "attempt":…,"hostErrors":…,"token":…,"worker":…,"leaseExpiresAt":…,"notBefore":…}}); a message on queue
 * {@code crawler.fetch} carries an array of them ({@link #toJson}). Everything the fetcher needs is in the
 * claim; the crawl's definition is read by id. The claim's {@link Claim#dueInMillis} is not carried: it is relative to
 * the moment of the claim, which only the sender knows, so the sender turns it into {@code notBefore} (a task read
 * back has a claim with {@code dueInMillis} 0 and the wait in {@link #notBeforeMillis}).
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

    /** The body of one message: the tasks as a JSON array, in this order. */
    public static String toJson(List<FetchTask> tasks) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        tasks.forEach(task -> array.add(task.json()));
        return array.build().toString();
    }

    private JsonObject json() {
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
                .add("notBefore", notBeforeMillis)
                .build();
    }

    /**
     * The tasks of one message body: an array of tasks, or a lone task (a message sent before tasks were grouped).
     *
     * @throws IllegalArgumentException when the text is not tasks this class wrote, or an empty array
     */
    public static List<FetchTask> fromJson(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            JsonStructure read = reader.read();
            List<FetchTask> tasks = new ArrayList<>();
            if (read.getValueType() == JsonValue.ValueType.ARRAY) {
                for (JsonValue value : read.asJsonArray()) {
                    tasks.add(of(value.asJsonObject()));
                }
            } else {
                tasks.add(of(read.asJsonObject()));
            }
            if (tasks.isEmpty()) {
                throw new IllegalArgumentException("no fetch tasks in the message");
            }
            return List.copyOf(tasks);
        } catch (JsonException | ClassCastException | NullPointerException | ArithmeticException e) {
            throw new IllegalArgumentException("not a fetch task: " + e.getMessage(), e);
        }
    }

    private static FetchTask of(JsonObject o) {
        return new FetchTask(o.getString("crawlId"), new Claim(o.getString("url"), o.getString("hostKey"),
                o.getInt("depth"), UrlKind.valueOf(o.getString("kind")), o.getInt("attempt"),
                o.getInt("hostErrors"), o.getString("token"), o.getString("worker"),
                o.getJsonNumber("leaseExpiresAt").longValueExact()),
                o.containsKey("notBefore") ? o.getJsonNumber("notBefore").longValueExact() : 0);
    }
}
