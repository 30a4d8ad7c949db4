package io.practicalsystems.feed.account;

/** The handle already belongs to someone (in any letter case): answered 409. */
public class HandleTakenException extends RuntimeException {

    public HandleTakenException(String handle) {
        super("the handle '" + handle + "' is taken (handles ignore letter case): choose another");
    }
}
