package io.practicalsystems.crawler.application;

import java.util.List;
import java.util.function.Function;

/** One page of a cursor-paginated listing: the items and the cursor of the next page (null after the last). */
public record Listing<T>(List<T> items, String next) {

    public Listing {
        items = List.copyOf(items);
    }

    /**
     * The listing of the first {@code limit} of {@code found}, a query result asked for {@code limit + 1} items: the
     * extra one only tells whether a next page exists, so the last page never ends in an empty one.
     */
    public static <T> Listing<T> ofOneExtra(List<T> found, int limit, Function<T, String> position, String kind) {
        if (found.size() <= limit) {
            return new Listing<>(found, null);
        }
        List<T> items = found.subList(0, limit);
        return new Listing<>(items, Cursor.encode(kind, position.apply(items.get(limit - 1))));
    }
}
