package io.practicalsystems.platform.rest;

/** Bad client input in a named field; always answered with 400 problem+json naming the field. */
public class InvalidParameterException extends RuntimeException {

    private final String field;

    public InvalidParameterException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
