package io.practicalsystems.shortener.application;

import jakarta.ejb.ApplicationException;

/**
 * The shortener's domain failures; the REST layer maps each to its problem+json status. They are EJB application
 * exceptions: they roll the transaction back but reach the caller as themselves, not wrapped (nor logged as
 * incidents).
 */
public final class ShortenerExceptions {

    private ShortenerExceptions() {
    }

    /** 404: no such code, or it was deleted (codes are never reissued, so deleted stays gone). */
    @ApplicationException(rollback = true)
    public static class LinkNotFound extends RuntimeException {
        public LinkNotFound(String code) {
            super("no short link '" + code + "'");
        }
    }

    /** 410: the link existed and has expired. */
    @ApplicationException(rollback = true)
    public static class LinkExpired extends RuntimeException {
        public LinkExpired(String code) {
            super("short link '" + code + "' has expired");
        }
    }

    /** 409: the requested alias is taken (by any link, ever — deleted ones included). */
    @ApplicationException(rollback = true)
    public static class AliasTaken extends RuntimeException {
        public AliasTaken(String alias) {
            super("alias '" + alias + "' is already taken");
        }
    }

    /** 403: only the owner (same API key) may change, delete or list a link. */
    @ApplicationException(rollback = true)
    public static class NotOwner extends RuntimeException {
        public NotOwner(String message) {
            super(message);
        }
    }

    /** 503: the database or the ID generator is unavailable, so nothing can be created or changed now. */
    @ApplicationException(rollback = true)
    public static class StorageUnavailable extends RuntimeException {
        public StorageUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
