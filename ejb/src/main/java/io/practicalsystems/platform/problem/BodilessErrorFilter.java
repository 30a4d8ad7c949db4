package io.practicalsystems.platform.problem;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Gives a body to an error answer that would otherwise leave with none. Liberty's HTTP Basic challenge for an
 * {@code @RolesAllowed} endpoint is the case in point: it sets 401 and {@code WWW-Authenticate} without calling
 * {@code sendError}, so no error page sees it, and the client got an empty 401. Headers already set (the challenge
 * above all) are kept; an answer that already carries a problem, or has been sent, is left alone. Declared
 * {@code async-supported} in web.xml, or no asynchronous resource behind it could suspend.
 */
public class BodilessErrorFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        chain.doFilter(request, response);
        if (request.isAsyncStarted()) {
            return; // the answer is written later, on another thread: it is the resource's own, not the container's
        }
        int status = response.getStatus();
        if (status < 400 || response.isCommitted() || isProblem(response.getContentType())) {
            return;
        }
        Problem problem = StatusProblems.of(status, request.getRequestURI());
        response.resetBuffer();
        response.setContentType(Problem.MEDIA_TYPE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(problem.toJson());
    }

    private static boolean isProblem(String contentType) {
        return contentType != null && contentType.startsWith(Problem.MEDIA_TYPE);
    }
}
