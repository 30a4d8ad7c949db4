package io.practicalsystems.crawler.testweb;

import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

/** Small helpers for the test web's handlers. */
public final class Respond {

    private Respond() {
    }

    public static void html(HttpExchange exchange, int status, String html) throws IOException {
        bytes(exchange, status, "text/html; charset=UTF-8", html.getBytes(StandardCharsets.UTF_8));
    }

    public static void text(HttpExchange exchange, int status, String text) throws IOException {
        bytes(exchange, status, "text/plain; charset=UTF-8", text.getBytes(StandardCharsets.UTF_8));
    }

    /** A body in a given charset, declared in Content-Type (or not, when {@code declare} is false). */
    public static void encoded(HttpExchange exchange, String html, Charset charset, boolean declare) throws IOException {
        bytes(exchange, 200, declare ? "text/html; charset=" + charset.name() : "text/html", html.getBytes(charset));
    }

    /** A body with this Content-Type (none when null). */
    public static void bytes(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        if (contentType != null) {
            exchange.getResponseHeaders().set("Content-Type", contentType);
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** The HTML gzip-compressed, with Content-Encoding: gzip. */
    public static void gzipHtml(HttpExchange exchange, String html) throws IOException {
        exchange.getResponseHeaders().set("Content-Encoding", "gzip");
        bytes(exchange, 200, "text/html; charset=UTF-8", gzip(html.getBytes(StandardCharsets.UTF_8)));
    }

    public static void redirect(HttpExchange exchange, int status, String location) throws IOException {
        exchange.getResponseHeaders().set("Location", location);
        exchange.sendResponseHeaders(status, -1);
    }

    /** A status with Retry-After and a short body. */
    public static void retryAfter(HttpExchange exchange, int status, int seconds) throws IOException {
        exchange.getResponseHeaders().set("Retry-After", Integer.toString(seconds));
        text(exchange, status, "come back in " + seconds + " s");
    }

    /** Sends the bytes one chunk every {@code pauseMillis}, for as long as the client reads and there are bytes. */
    public static void drip(HttpExchange exchange, String contentType, byte[] chunk, int chunks, long pauseMillis)
            throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            for (int i = 0; i < chunks; i++) {
                out.write(chunk);
                out.flush();
                sleep(pauseMillis);
            }
        }
    }

    /** {@code size} bytes of HTML, streamed (chunked) so the server never holds them all. */
    public static void hugeHtml(HttpExchange exchange, long size) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=UTF-8");
        exchange.sendResponseHeaders(200, 0);
        byte[] line = "<p>filler filler filler filler filler filler filler filler filler filler filler</p>\n"
                .getBytes(StandardCharsets.US_ASCII);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write("<html><head><title>Huge</title></head><body>\n".getBytes(StandardCharsets.US_ASCII));
            for (long written = 0; written < size; written += line.length) {
                out.write(line);
            }
            out.write("</body></html>\n".getBytes(StandardCharsets.US_ASCII));
        }
    }

    public static byte[] gzip(byte[] plain) {
        try {
            ByteArrayOutputStream compressed = new ByteArrayOutputStream();
            try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
                gzip.write(plain);
            }
            return compressed.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A gzip stream of {@code decodedSize} zero bytes: tiny on the wire, large once decoded. */
    public static byte[] gzipBomb(int decodedSize) {
        try {
            ByteArrayOutputStream compressed = new ByteArrayOutputStream();
            try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
                byte[] zeros = new byte[64 * 1024];
                for (int written = 0; written < decodedSize; written += zeros.length) {
                    gzip.write(zeros, 0, Math.min(zeros.length, decodedSize - written));
                }
            }
            return compressed.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void sleep(long millis) throws IOException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("the test web is stopping", e);
        }
    }
}
