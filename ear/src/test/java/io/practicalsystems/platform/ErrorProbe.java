package io.practicalsystems.platform;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A replay of the bad-input probe of issue 14: requests written byte for byte onto a socket (so malformed request
 * lines and percent-encodings arrive as sent), each with the status it must get, and the checks every error answer
 * must pass — problem+json with a title, the status and a human detail, and nothing that names the implementation.
 */
final class ErrorProbe {

    /** Text that names the inside of the server: class and package names, stack frames. */
    static final List<String> INTERNALS = List.of("java.", "jakarta.", "Exception", "at io.", "at com.");

    /** ...and in the application's own answers also the container's message ids and HTML pages. */
    static final List<String> CONTAINER_TEXT = List.of("SRVE", "CWWW", "RESTEASY", "<html", "<H1>");

    private static final int MAX_ANSWER_BYTES = 1 << 20;

    /** One request: {@code head} is everything before the blank line but the Host/Connection lines. */
    record Probe(String name, int expectedStatus, String head, String body) {

        static Probe of(String name, int expectedStatus, String requestLine, String... headers) {
            return withBody(name, expectedStatus, requestLine, null, headers);
        }

        static Probe withBody(String name, int expectedStatus, String requestLine, String body, String... headers) {
            StringBuilder head = new StringBuilder(requestLine).append("\r\n");
            for (String header : headers) {
                head.append(header).append("\r\n");
            }
            return new Probe(name, expectedStatus, head.toString(), body);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** A raw answer; header names lower-cased. */
    record Answer(int status, Map<String, String> headers, String body) {

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        @Override
        public String toString() {
            return "HTTP " + status + " " + headers + "\n" + body;
        }
    }

    private ErrorProbe() {
    }

    static String basic(String user, String password) {
        return "Authorization: Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
    }

    /** Requests the application can see: each must be answered with a problem. */
    static List<Probe> applicationErrors(String adminUser) {
        String json = "Content-Type: application/json";
        String wrongPassword = basic(adminUser, "not-the-password");
        return List.of(
                Probe.of("web.xml", 404, "GET /WEB-INF/web.xml HTTP/1.0"),
                Probe.of("manifest", 404, "GET /META-INF/MANIFEST.MF HTTP/1.0"),
                Probe.of("batch module's web.xml", 404, "GET /batch/WEB-INF/web.xml HTTP/1.0"),
                Probe.of("batch module's root", 404, "GET /batch/ HTTP/1.0"),
                Probe.of("unknown API path", 404, "GET /api/no-such-thing HTTP/1.0"),
                Probe.of("unknown short code", 404, "GET /no-such-code HTTP/1.0"),
                Probe.of("error handler asked directly", 404, "GET /errors/problem HTTP/1.0"),
                Probe.of("encoded slash in a path", 400, "GET /api/kv/a%2fb HTTP/1.0"),
                Probe.of("percent-encoding of invalid UTF-8", 400, "GET /api/kv/%e0%80 HTTP/1.0"),
                Probe.of("wrong method", 405, "DELETE /api/ids/next HTTP/1.0"),
                Probe.of("unknown method", 405, "BREW /api/ping HTTP/1.0"),
                Probe.of("unacceptable media type", 406, "GET /api/ids/next HTTP/1.0", "Accept: application/xml"),
                Probe.withBody("malformed JSON", 400, "POST /api/urls HTTP/1.0", "{\"url\":", json),
                Probe.withBody("JSON of the wrong shape", 400, "POST /api/urls HTTP/1.0", "[1,2,3]", json),
                Probe.withBody("wrong content type", 415, "POST /api/urls HTTP/1.0", "url=https://a.example",
                        "Content-Type: application/x-www-form-urlencoded"),
                Probe.of("number that is not one", 400, "GET /api/ids/abc/decode HTTP/1.0"),
                Probe.of("negative count", 400, "GET /api/ids/batch?count=-1 HTTP/1.0"),
                Probe.of("oversized number", 400, "GET /api/ids/batch?count=99999999999999999999999 HTTP/1.0"),
                Probe.withBody("malformed causal context", 400, "PUT /api/kv/probe-key HTTP/1.0", "value",
                        "Content-Type: text/plain", "X-Causal-Context: %%%not-base64%%%"),
                Probe.withBody("wrong method on a key", 405, "POST /api/kv/probe-key HTTP/1.0", "value",
                        "Content-Type: text/plain"),
                Probe.withBody("admin call without credentials, plain HTTP", 403,
                        "POST /api/ids/admin/clock-offset?ms=0 HTTP/1.0", "", json),
                Probe.withBody("admin call with a wrong password, plain HTTP", 403,
                        "POST /api/ids/admin/clock-offset?ms=0 HTTP/1.0", "", json, wrongPassword),
                Probe.withBody("admin call, garbled Authorization, plain HTTP", 403,
                        "POST /api/ids/admin/clock-offset?ms=0 HTTP/1.0", "", json, "Authorization: Basic !!!"),
                Probe.of("health details without credentials, plain HTTP", 403, "GET /api/admin/health HTTP/1.0"),
                Probe.of("health details, wrong password, plain HTTP", 403, "GET /api/admin/health HTTP/1.0",
                        wrongPassword));
    }

    /**
     * Requests Liberty refuses before any application sees them (a request line it cannot parse, a URI it cannot
     * decode or that climbs above the root): their bodies are Liberty's, but must still be 4xx and name nothing.
     */
    static List<Probe> libertyErrors() {
        return List.of(
                Probe.of("garbage request line", 400, "GARBAGE"),
                Probe.of("malformed percent-encoding at the root", 400, "GET /%zz HTTP/1.0"),
                Probe.of("path above the root", 400, "GET /api/../../etc/passwd HTTP/1.0"),
                Probe.of("header line without a colon", 400, "GET /api/ping HTTP/1.0", "Not A Header"));
    }

    static Answer send(int port, Probe probe) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(30_000);
            byte[] body = probe.body() == null ? new byte[0] : probe.body().getBytes(StandardCharsets.UTF_8);
            String head = probe.head() + "Host: 127.0.0.1:" + port + "\r\nConnection: close\r\n"
                    + (probe.body() == null ? "" : "Content-Length: " + body.length + "\r\n") + "\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            return parse(readAll(socket.getInputStream()));
        } catch (IOException e) {
            throw new UncheckedIOException("probe '" + probe.name() + "' failed", e);
        }
    }

    /** The checks every answer the application gives to a bad request must pass. */
    static void assertProblem(Probe probe, Answer answer) {
        assertThat(answer.status()).as("%s: status of %s", probe, answer).isEqualTo(probe.expectedStatus());
        assertThat(answer.header("Content-Type")).as("%s: content type of %s", probe, answer)
                .startsWith("application/problem+json");
        JsonObject problem = Json.createReader(new StringReader(answer.body())).readObject();
        assertThat(problem.getString("title")).as("%s", probe).isNotBlank();
        assertThat(problem.getInt("status")).as("%s", probe).isEqualTo(answer.status());
        assertThat(problem.getString("detail")).as("%s", probe).hasSizeGreaterThan(10);
        assertNamesNothing(probe, answer);
        assertThat(answer.body()).as("%s: %s", probe, answer).doesNotContain(CONTAINER_TEXT);
        if (answer.status() == 401) {
            assertThat(answer.header("WWW-Authenticate")).as("%s: the challenge stays", probe).startsWith("Basic");
        }
    }

    static void assertNamesNothing(Probe probe, Answer answer) {
        assertThat(answer.body()).as("%s: %s", probe, answer).doesNotContain(INTERNALS);
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        for (int n; (n = in.read(buffer)) > 0 && answer.size() < MAX_ANSWER_BYTES; ) {
            answer.write(buffer, 0, n);
        }
        return answer.toByteArray();
    }

    /** HTTP/1.0 answers carry no chunked encoding: status line, headers, then the body up to the close. */
    private static Answer parse(byte[] raw) {
        String text = new String(raw, StandardCharsets.UTF_8);
        int end = text.indexOf("\r\n\r\n");
        String head = end < 0 ? text : text.substring(0, end);
        String body = end < 0 ? "" : text.substring(end + 4);
        String[] lines = head.split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new TreeMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).trim());
            }
        }
        return new Answer(status, headers, body);
    }
}
