package io.practicalsystems.kv.peer.server;

/** A node-to-node call refused before it reached the node, with the HTTP status it is answered with. */
public final class PeerRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final int status;

    public PeerRefusedException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
