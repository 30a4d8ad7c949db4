package io.practicalsystems.platform.problem;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Writes a problem+json answer on a servlet response, for the answers given outside JAX-RS (filters, servlets). */
public final class ServletProblems {

    private ServletProblems() {
    }

    /**
     * Replaces whatever the response holds so far with {@code problem}: its status, the problem+json type and the
     * body. Headers already set stay (a challenge, Retry-After, RateLimit-*). A committed response is left alone.
     */
    public static void write(Problem problem, HttpServletResponse response) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(problem.status());
        response.setContentType(Problem.MEDIA_TYPE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(problem.toJson());
    }
}
