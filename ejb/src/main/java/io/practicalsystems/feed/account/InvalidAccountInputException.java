package io.practicalsystems.feed.account;

/** A sign-up or log-in field that breaks a rule: answered 400 problem+json naming the field. */
public class InvalidAccountInputException extends RuntimeException {

    private final String field;

    public InvalidAccountInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
