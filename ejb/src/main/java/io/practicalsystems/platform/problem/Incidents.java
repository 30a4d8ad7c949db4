package io.practicalsystems.platform.problem;

import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * An unexpected failure: logged with its stack trace under a fresh incident id, answered with a 500 problem that
 * carries only that id. The client never sees the exception, its message or its class — they may name files,
 * addresses or internals; the operator finds them in the log by the id.
 */
public final class Incidents {

    private static final Logger LOG = Logger.getLogger(Incidents.class.getName());

    private Incidents() {
    }

    /** Logs {@code failure} (may be null) and returns the problem to answer with. */
    public static Problem record(Throwable failure, String where) {
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "incident " + incident + " (" + where + ")", failure);
        return new Problem(500, "internal-error", "Internal Server Error",
                "Unexpected failure; quote the incident id when reporting it.", Map.of("incident", incident));
    }
}
