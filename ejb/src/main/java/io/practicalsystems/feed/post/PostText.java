package io.practicalsystems.feed.post;

/**
 * The rules for the text of posts, reposts and comments, counted in code points (what a reader sees as characters,
 * emoji included), not UTF-16 units.
 */
public final class PostText {

    /** Most code points in a post or comment. */
    public static final int MAX_CODE_POINTS = 500;

    private PostText() {
    }

    /**
     * The text, stripped, if it is 1..{@value #MAX_CODE_POINTS} code points; else an {@link InvalidTextException}
     * saying what is wrong. {@code optional} allows it to be absent or blank (a repost without a comment): "".
     */
    public static String check(String field, String text, boolean optional) {
        String stripped = text == null ? "" : text.strip();
        if (stripped.isEmpty()) {
            if (optional) {
                return "";
            }
            throw new InvalidTextException(field, field + " must not be empty");
        }
        int length = stripped.codePointCount(0, stripped.length());
        if (length > MAX_CODE_POINTS) {
            throw new InvalidTextException(field, field + " is " + length + " characters long; at most "
                    + MAX_CODE_POINTS + " are allowed");
        }
        for (int i = 0; i < stripped.length(); ) {
            int cp = stripped.codePointAt(i);
            if (Character.isISOControl(cp) && cp != '\n' && cp != '\t') {
                throw new InvalidTextException(field, field + " contains a control character (U+"
                        + String.format("%04X", cp) + ")");
            }
            i += Character.charCount(cp);
        }
        return stripped;
    }

    /** Text that breaks the rules; the message is a sentence for the client. */
    public static final class InvalidTextException extends RuntimeException {
        private final String field;

        public InvalidTextException(String field, String message) {
            super(message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }
}
