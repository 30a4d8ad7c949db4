package io.practicalsystems.crawler.seedproducer;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The producer's input and its messages. Input: a crawl id, then URLs — as arguments, or, when only the crawl id is
 * given, one URL per line on standard input (blank lines and lines starting with {@code #} skipped). Messages: JSON
 * text {@code {"crawlId":"…","seeds":[…]}}, at most {@value #URLS_PER_MESSAGE} URLs and about
 * {@value #MESSAGE_CHARS} characters each, inside the bounds the server accepts (1000 URLs, 256 KiB).
 */
public final class SeedMessages {

    public static final int URLS_PER_MESSAGE = 500;
    public static final int MESSAGE_CHARS = 200_000;
    /** The server refuses a message holding a longer URL (a crawl's maxUrlLength is at most this). */
    public static final int MAX_URL_LENGTH = 16_384;
    /** One run sends at most this many URLs; more is a mistake in the input, not a seed list. */
    public static final int MAX_URLS = 100_000;
    private static final Pattern CRAWL_ID = Pattern.compile("[0-9]{1,19}");

    private SeedMessages() {
    }

    /** Input the producer cannot use; the message says how to call it. */
    public static final class UsageException extends Exception {
        public UsageException(String message) {
            super(message);
        }
    }

    /**
     * @param skipped URLs left out because they are longer than {@value #MAX_URL_LENGTH} characters
     */
    public record Input(String crawlId, List<String> urls, int skipped) {
    }

    public static Input read(String[] args, BufferedReader stdin) throws IOException, UsageException {
        if (args.length == 0) {
            throw new UsageException("usage: crawl-seed CRAWL_ID [URL ...]   (no URL arguments: one URL per line on "
                    + "standard input)");
        }
        String crawlId = args[0].trim();
        if (!CRAWL_ID.matcher(crawlId).matches()) {
            throw new UsageException("the crawl id is the number POST /api/crawls answered with, not '" + args[0]
                    + "'");
        }
        List<String> raw = args.length > 1 ? Arrays.asList(args).subList(1, args.length) : lines(stdin);
        List<String> urls = new ArrayList<>();
        int skipped = 0;
        for (String line : raw) {
            String url = line.trim();
            if (url.isEmpty() || url.startsWith("#")) {
                continue;
            }
            if (url.length() > MAX_URL_LENGTH) {
                skipped++;
                continue;
            }
            if (urls.size() == MAX_URLS) {
                throw new UsageException("at most " + MAX_URLS + " URLs per run");
            }
            urls.add(url);
        }
        if (urls.isEmpty()) {
            throw new UsageException("no URLs to send for crawl " + crawlId);
        }
        return new Input(crawlId, urls, skipped);
    }

    private static List<String> lines(BufferedReader stdin) throws IOException {
        List<String> lines = new ArrayList<>();
        String line;
        while ((line = stdin.readLine()) != null) {
            lines.add(line);
            if (lines.size() > MAX_URLS * 2) {
                break;
            }
        }
        return lines;
    }

    /** The input cut into message texts, in input order. */
    public static List<String> messages(Input input) {
        List<String> messages = new ArrayList<>();
        JsonArrayBuilder batch = Json.createArrayBuilder();
        int count = 0;
        int chars = 0;
        for (String url : input.urls()) {
            if (count == URLS_PER_MESSAGE || (count > 0 && chars + url.length() > MESSAGE_CHARS)) {
                messages.add(message(input.crawlId(), batch));
                batch = Json.createArrayBuilder();
                count = 0;
                chars = 0;
            }
            batch.add(url);
            count++;
            // escaping can at most double a URL's characters (quotes and backslashes) plus the separators
            chars += 2 * url.length() + 3;
        }
        messages.add(message(input.crawlId(), batch));
        return messages;
    }

    private static String message(String crawlId, JsonArrayBuilder seeds) {
        return Json.createObjectBuilder().add("crawlId", crawlId).add("seeds", seeds).build().toString();
    }
}
