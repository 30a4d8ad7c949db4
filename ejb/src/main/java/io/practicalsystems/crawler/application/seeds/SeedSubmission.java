package io.practicalsystems.crawler.application.seeds;

import io.practicalsystems.crawler.application.CrawlDefinition;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One message on queue {@code crawler.seeds}: {@code {"crawlId":"…","seeds":["https://…",…]}} (JSON text). Bounded
 * before anything is looked up: at most {@value #MAX_CHARS} characters, 1..{@value #MAX_SEEDS} URLs, each a string
 * of at most {@link CrawlDefinition#MAX_URL_LENGTH} characters; the crawl id is a decimal Snowflake id. Whether the
 * URLs belong to the crawl is {@link SeedIntake}'s business.
 */
public record SeedSubmission(String crawlId, List<String> seeds) {

    /** Characters of one message: 1000 URLs of ~250 characters. */
    public static final int MAX_CHARS = 256 * 1024;
    /** URLs in one message, as in a crawl's definition. */
    public static final int MAX_SEEDS = CrawlDefinition.MAX_SEEDS;
    private static final Pattern CRAWL_ID = Pattern.compile("[0-9]{1,19}");

    public SeedSubmission {
        seeds = List.copyOf(seeds);
    }

    /**
     * Reads a message's text.
     *
     * @throws InvalidSeedSubmissionException naming what is wrong, for the log; such a message can never succeed
     */
    public static SeedSubmission fromJson(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidSeedSubmissionException("the message is empty");
        }
        if (text.length() > MAX_CHARS) {
            throw new InvalidSeedSubmissionException("the message has " + text.length() + " characters, more than "
                    + MAX_CHARS);
        }
        JsonObject o;
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            o = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new InvalidSeedSubmissionException("the message is not a JSON object");
        }
        JsonValue id = o.get("crawlId");
        if (!(id instanceof JsonString idString) || !CRAWL_ID.matcher(idString.getString()).matches()) {
            throw new InvalidSeedSubmissionException("\"crawlId\" must be a crawl id (a string of 1-19 digits)");
        }
        JsonValue list = o.get("seeds");
        if (!(list instanceof JsonArray array) || array.isEmpty()) {
            throw new InvalidSeedSubmissionException("\"seeds\" must be a non-empty list of URLs");
        }
        if (array.size() > MAX_SEEDS) {
            throw new InvalidSeedSubmissionException("\"seeds\" may list at most " + MAX_SEEDS + " URLs, got "
                    + array.size());
        }
        List<String> seeds = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            if (!(array.get(i) instanceof JsonString url)) {
                throw new InvalidSeedSubmissionException("seeds[" + i + "] is not a string");
            }
            if (url.getString().length() > CrawlDefinition.MAX_URL_LENGTH) {
                throw new InvalidSeedSubmissionException("seeds[" + i + "] is longer than "
                        + CrawlDefinition.MAX_URL_LENGTH + " characters");
            }
            seeds.add(url.getString());
        }
        return new SeedSubmission(idString.getString(), seeds);
    }
}
