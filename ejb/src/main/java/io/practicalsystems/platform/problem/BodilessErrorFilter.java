package io.practicalsystems.platform.problem;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * Gives a body to an error answer that would otherwise leave with none. Liberty's HTTP Basic challenge for an
 * {@code @RolesAllowed} endpoint is the case in point: it sets 401 and {@code WWW-Authenticate} without calling
 * {@code sendError}, so no error page sees it, and RESTEasy then flushes that empty 401 — which would commit it before
 * this filter could add a body, so the wrapper holds back a flush while the answer is an error with no body yet.
 * Headers already set (the challenge
 * above all) are kept. An answer whose producer wrote a body of its own (a problem, or the JSON a peer reads, such
 * as the KV store's limit refusal) or that has been sent is left alone: only the absence of a body is repaired. Declared
 * {@code async-supported} in web.xml, or no asynchronous resource behind it could suspend.
 */
public class BodilessErrorFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        BodyWatch watched = new BodyWatch(response);
        chain.doFilter(request, watched);
        if (request.isAsyncStarted()) {
            return; // the answer is written later, on another thread: it is the resource's own, not the container's
        }
        int status = response.getStatus();
        if (status < 400 || response.isCommitted() || watched.bodyWritten() || isProblem(response.getContentType())) {
            return;
        }
        Problem problem = StatusProblems.of(status, request.getRequestURI());
        response.resetBuffer();
        response.setContentType(Problem.MEDIA_TYPE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        watched.writeProblem(problem.toJson());
    }

    private static boolean isProblem(String contentType) {
        return contentType != null && contentType.startsWith(Problem.MEDIA_TYPE);
    }

    /**
     * Notes whether the producer wrote any byte or character of a body, and which of stream and writer it took (the
     * servlet API allows only one of them per response, so the problem must be written through the same one).
     */
    static final class BodyWatch extends HttpServletResponseWrapper {

        private boolean bodyWritten;
        private boolean streamTaken;
        private ServletOutputStream stream;
        private PrintWriter writer;

        BodyWatch(HttpServletResponse response) {
            super(response);
        }

        boolean bodyWritten() {
            return bodyWritten;
        }

        /** An error with no body yet must stay uncommitted: the filter may still have to write its problem. */
        private boolean holdsBackFlush() {
            return !bodyWritten && getStatus() >= 400;
        }

        @Override
        public void flushBuffer() throws IOException {
            if (!holdsBackFlush()) {
                super.flushBuffer();
            }
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (stream == null) {
                ServletOutputStream target = super.getOutputStream();
                streamTaken = true;
                stream = new ServletOutputStream() {
                    @Override
                    public void write(int b) throws IOException {
                        bodyWritten = true;
                        target.write(b);
                    }

                    @Override
                    public void write(byte[] bytes, int offset, int length) throws IOException {
                        bodyWritten |= length > 0;
                        target.write(bytes, offset, length);
                    }

                    @Override
                    public void flush() throws IOException {
                        if (!holdsBackFlush()) {
                            target.flush();
                        }
                    }

                    @Override
                    public void close() throws IOException {
                        target.close();
                    }

                    @Override
                    public boolean isReady() {
                        return target.isReady();
                    }

                    @Override
                    public void setWriteListener(WriteListener listener) {
                        target.setWriteListener(listener);
                    }
                };
            }
            return stream;
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            if (writer == null) {
                writer = new PrintWriter(super.getWriter()) {
                    @Override
                    public void flush() {
                        if (!holdsBackFlush()) {
                            super.flush();
                        }
                    }

                    @Override
                    public void write(int c) {
                        bodyWritten = true;
                        super.write(c);
                    }

                    @Override
                    public void write(char[] chars, int offset, int length) {
                        bodyWritten |= length > 0;
                        super.write(chars, offset, length);
                    }

                    @Override
                    public void write(String text, int offset, int length) {
                        bodyWritten |= length > 0;
                        super.write(text, offset, length);
                    }
                };
            }
            return writer;
        }

        /** Writes the problem through whichever of stream and writer the producer took (or the writer). */
        void writeProblem(String json) throws IOException {
            if (streamTaken) {
                getResponse().getOutputStream().write(json.getBytes(StandardCharsets.UTF_8));
            } else {
                getResponse().getWriter().write(json);
            }
        }
    }
}
