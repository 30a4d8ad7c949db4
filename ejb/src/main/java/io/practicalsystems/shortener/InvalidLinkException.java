package io.practicalsystems.shortener;

/**
 * A request to create a link broke a rule. {@link #field()} names the request field at fault so the HTTP layer can
 * answer 400 with a problem detail that points at it; the message says which rule, in words a user can act on.
 */
public class InvalidLinkException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String field;

    public InvalidLinkException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The request field at fault, e.g. {@code "url"}, {@code "alias"}, {@code "expiresAt"}. */
    public String field() {
        return field;
    }
}
