package io.practicalsystems.feed.application;

import io.practicalsystems.crawler.application.Cursor;
import io.practicalsystems.crawler.application.InvalidCursorException;

/** The feed's opaque cursors (the platform's {@link Cursor}, one kind per listing) around an ID. */
final class FeedCursors {

    static final String TIMELINE = "t";
    static final String USER_POSTS = "u";
    static final String COMMENTS = "c";

    private FeedCursors() {
    }

    /** The ID in a cursor of this kind; null for none. A cursor of another kind or garbage: 400. */
    static Long decode(String kind, String cursor) {
        String position = Cursor.decode(kind, cursor);
        if (position == null) {
            return null;
        }
        try {
            return Long.parseLong(position);
        } catch (NumberFormatException e) {
            throw new InvalidCursorException("cursor is not one this listing handed out: pass back the 'next' value "
                    + "of the previous page unchanged, or leave it out for the first page");
        }
    }

    static String encode(String kind, long id) {
        return Cursor.encode(kind, Long.toString(id));
    }
}
