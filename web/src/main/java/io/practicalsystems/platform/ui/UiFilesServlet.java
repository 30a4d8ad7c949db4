package io.practicalsystems.platform.ui;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Optional;

/**
 * The React app's built files (the WAR's {@code feed/} folder, from web/ui) at {@code /feed/}, and its page again at
 * {@code /console/}, where the same app shows the console (it picks its area from the address; its assets stay under
 * {@code /feed/assets/}). The JAX-RS
 * application is mapped to {@code /*} (the URL shortener's {@code /{code}} lives at the root), so without this more
 * specific mapping every request, {@code /feed/} included, would be JAX-RS's, and the container would never serve the
 * files. A missing file is a plain 404, which the error page turns into problem+json.
 */
@WebServlet(name = "ui-files", urlPatterns = {"/feed", "/feed/*", "/console", "/console/*"})
public class UiFilesServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    /** The WAR folder the UI build is copied into (web/pom.xml). */
    private static final String FOLDER = "/feed";
    private static final String CONSOLE = "/console";

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String app = request.getServletPath();
        if (request.getPathInfo() == null) {
            // The app's addresses are "/feed/" and "/console/"; without the slash is a way of typing them.
            response.sendRedirect(request.getContextPath() + app + "/");
            return;
        }
        // The console has only its page: its assets are the feed's.
        boolean served = !app.equals(CONSOLE) || request.getPathInfo().equals("/");
        Optional<UiFile> file = served ? UiFile.of(request.getPathInfo()) : Optional.empty();
        String resourcePath = file.map(f -> FOLDER + f.path()).orElse(null);
        URL resource = resourcePath == null ? null : getServletContext().getResource(resourcePath);
        if (resource == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        // RFC 9239's type for JavaScript; Liberty's table says application/x-javascript.
        String type = resourcePath.endsWith(".js") ? "text/javascript" : getServletContext().getMimeType(resourcePath);
        response.setContentType(type == null ? "application/octet-stream" : type);
        if (type != null && (type.startsWith("text/") || type.contains("javascript"))) {
            response.setCharacterEncoding("UTF-8");
        }
        response.setHeader("Cache-Control", file.get().cacheControl());
        response.setHeader("X-Content-Type-Options", "nosniff");
        try (InputStream in = resource.openStream()) {
            byte[] body = in.readAllBytes();
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
        }
    }
}
