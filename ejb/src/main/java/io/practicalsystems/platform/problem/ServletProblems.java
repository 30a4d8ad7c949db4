package io.practicalsystems.platform.problem;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Writes a problem+json answer on a servlet response, for the answers given outside JAX-RS (filters, servlets). */
public final class ServletProblems {

    private ServletProblems() {
    }

    /**
     * Replaces whatever the response holds so far with {@code problem}: its status, the problem+json type and the
     * body. Headers already set stay (a challenge, Retry-After, RateLimit-*). A committed response is left alone.
     * The body is UTF-8 bytes under a bare {@code application/problem+json}, as JAX-RS sends it (JSON has no charset
     * parameter), so an answer given outside JAX-RS is the same to the byte; a response whose writer is already in
     * use gets the same text through it, declared UTF-8.
     */
    public static void write(Problem problem, HttpServletResponse response) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(problem.status());
        response.setContentType(Problem.MEDIA_TYPE);
        String json = problem.toJson();
        ServletOutputStream out;
        try {
            out = response.getOutputStream();
        } catch (IllegalStateException writerInUse) {
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write(json);
            return;
        }
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        out.write(body);
    }

    /**
     * The last resort outside JAX-RS, as {@code UnexpectedExceptionMapper} answers inside it: a backing service out of
     * reach is its 503 with Retry-After, anything else an {@link Incidents incident} (500 carrying only its id).
     */
    public static void writeUnexpected(Throwable failure, String where, HttpServletResponse response)
            throws IOException {
        Optional<BackendOutage> outage = BackendOutage.of(failure);
        if (outage.isPresent() && !response.isCommitted()) {
            response.setHeader("Retry-After", Integer.toString(BackendOutage.RETRY_AFTER_SECONDS));
        }
        write(outage.map(BackendOutage::problem).orElseGet(() -> Incidents.record(failure, where)), response);
    }
}
