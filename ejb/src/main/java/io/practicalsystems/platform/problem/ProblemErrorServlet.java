package io.practicalsystems.platform.problem;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Where every {@code <error-page>} of every web module points: an error the container raises itself (a 404 for
 * {@code /WEB-INF/…}, a 400 for a URI it cannot decode, an exception that escaped a servlet) is answered as
 * problem+json instead of the container's HTML page, which names its classes and, for exceptions, a stack frame.
 *
 * <p>A status below 500 gets the generic sentence for that status; a 5xx is an incident: logged with the exception,
 * answered with the incident id only. Requested directly (not as an error dispatch) it is just another unknown path.
 * Declared in each module's web.xml, not by annotation: it lives in the EJB module so every WAR shares one copy.
 */
public class ProblemErrorServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        Problem problem = status instanceof Integer code
                ? problemFor(code, request)
                : StatusProblems.of(404, request.getRequestURI());
        ServletProblems.write(problem, response);
    }

    private static Problem problemFor(int status, HttpServletRequest request) {
        String path = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (status < 500) {
            return StatusProblems.of(status, path);
        }
        Throwable failure = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        if (failure == null && status != 500) {
            return StatusProblems.of(status, path);
        }
        return Incidents.record(failure, request.getMethod() + " " + path);
    }

}
