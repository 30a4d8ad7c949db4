package io.practicalsystems.idgen.application;

/** The SQL database could not record a new high-water mark, so no ID past the current one may be issued. */
class HighWaterMarkUnavailableException extends RuntimeException {

    HighWaterMarkUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
