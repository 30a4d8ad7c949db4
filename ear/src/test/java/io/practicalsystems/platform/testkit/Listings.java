package io.practicalsystems.platform.testkit;

import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a whole cursor-paged listing ({@code {"items":[…],"next":cursor-or-null}}, as the crawler's pages and hosts
 * answer): the first page from the URL as given (its own {@code limit} decides the page size), then each following
 * page from the same URL with {@code cursor=<next>}, until a page has no next. A bound on the pages keeps a listing
 * whose cursor never ends from hanging the test.
 */
public final class Listings {

    private static final int MAX_PAGES = 10_000;

    private Listings() {
    }

    /** Every item of the listing, in the order the pages gave them. */
    public static List<JsonObject> all(String url) {
        List<JsonObject> items = new ArrayList<>();
        String cursor = null;
        for (int pages = 0; pages < MAX_PAGES; pages++) {
            JsonObject page = Http.getJson(cursor == null ? url : url + (url.contains("?") ? "&" : "?") + "cursor="
                    + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            page.getJsonArray("items").forEach(item -> items.add(item.asJsonObject()));
            if (!page.containsKey("next") || page.isNull("next")) {
                return items;
            }
            cursor = page.getString("next");
        }
        throw new IllegalStateException(url + ": still a next cursor after " + MAX_PAGES + " pages");
    }
}
