package io.practicalsystems.platform.problem;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** Just enough of a servlet response: status, headers, content type, one body through a stream or a writer. */
final class FakeServletResponse {
    int status = 200;
    boolean committed;
    String contentType;
    boolean streamTaken;
    boolean writerTaken;
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintWriter writer;
    final Map<String, String> headers = new HashMap<>();

    String body() {
        if (writer != null) {
            writer.flush();
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    HttpServletResponse proxy() {
        return (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "setStatus" -> {
                        status = (Integer) args[0];
                        yield null;
                    }
                    case "getStatus" -> status;
                    case "setHeader" -> {
                        headers.put((String) args[0], (String) args[1]);
                        yield null;
                    }
                    case "setContentType" -> {
                        contentType = (String) args[0];
                        yield null;
                    }
                    case "getContentType" -> contentType;
                    case "isCommitted" -> committed;
                    case "flushBuffer" -> {
                        committed = true; // as a container does: headers and status leave now
                        yield null;
                    }
                    case "resetBuffer" -> {
                        bytes.reset();
                        yield null;
                    }
                    case "getOutputStream" -> {
                        if (writerTaken) {
                            throw new IllegalStateException("writer already taken");
                        }
                        streamTaken = true;
                        yield new ServletOutputStream() {
                            @Override
                            public void write(int b) {
                                bytes.write(b);
                            }

                            @Override
                            public void flush() {
                                committed = true;
                            }

                            @Override
                            public boolean isReady() {
                                return true;
                            }

                            @Override
                            public void setWriteListener(WriteListener listener) {
                            }
                        };
                    }
                    case "getWriter" -> {
                        if (streamTaken) {
                            throw new IllegalStateException("stream already taken");
                        }
                        writerTaken = true;
                        if (writer == null) {
                            writer = new PrintWriter(bytes, false, StandardCharsets.UTF_8);
                        }
                        yield writer;
                    }
                    default -> null;
                });
    }
}
