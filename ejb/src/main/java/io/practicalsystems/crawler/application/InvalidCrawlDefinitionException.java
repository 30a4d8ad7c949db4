package io.practicalsystems.crawler.application;

/**
 * A crawl definition broke a rule (400). {@link #field()} names the request field at fault; the message says which
 * rule, in words the caller can act on.
 */
public class InvalidCrawlDefinitionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String field;

    public InvalidCrawlDefinitionException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
