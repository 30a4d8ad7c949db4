package io.practicalsystems.platform.testkit;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Small HTTP helpers for integration tests against the servers on this machine.
 *
 * <p>Deliberately plain: HTTP/1.1, no redirects followed (a test should see a 302 as a 302), a bounded timeout on
 * every request so a hung server fails a test instead of hanging the build, and TLS that trusts the self-signed
 * certificate each test server generates for itself (never use this client for anything but local test servers).
 */
public final class Http {

    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final String JSON = "application/json";

    private static final SSLContext TRUST_EVERYTHING = trustEverything();
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .sslContext(TRUST_EVERYTHING)
            .build();

    private Http() {
    }

    /** Status, body and headers of one answer. */
    public record Response(int status, String body, HttpHeaders headers) {

        public boolean isSuccess() {
            return status >= 200 && status < 300;
        }

        public Optional<String> header(String name) {
            return headers.firstValue(name);
        }

        /** The body parsed as a JSON object. */
        public JsonObject json() {
            try (JsonReader reader = Json.createReader(new StringReader(body))) {
                return reader.readObject();
            } catch (RuntimeException e) {
                throw new IllegalStateException("not a JSON object (HTTP " + status + "): " + body, e);
            }
        }
    }

    /** Credentials for HTTP basic authentication, e.g. {@code Http.basicAuth("admin", "admin")}. */
    public record BasicAuth(String user, String password) {

        String headerValue() {
            String pair = user + ":" + password;
            return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public String toString() {
            return "BasicAuth[" + user + ", ****]";
        }
    }

    public static BasicAuth basicAuth(String user, String password) {
        return new BasicAuth(user, password);
    }

    public static Response get(String url) {
        return send("GET", url, null, null);
    }

    public static Response get(String url, BasicAuth auth) {
        return send("GET", url, null, auth);
    }

    /** GET that must answer 2xx with a JSON object; anything else fails with status and body. */
    public static JsonObject getJson(String url) {
        return getJson(url, null);
    }

    public static JsonObject getJson(String url, BasicAuth auth) {
        Response response = send("GET", url, null, auth);
        if (!response.isSuccess()) {
            throw new IllegalStateException("GET " + url + " answered HTTP " + response.status() + ": "
                    + response.body());
        }
        return response.json();
    }

    /** POST with a JSON body. */
    public static Response post(String url, String jsonBody) {
        return send("POST", url, jsonBody, null);
    }

    public static Response post(String url, String jsonBody, BasicAuth auth) {
        return send("POST", url, jsonBody, auth);
    }

    /** PUT with a JSON body. */
    public static Response put(String url, String jsonBody) {
        return send("PUT", url, jsonBody, null);
    }

    public static Response put(String url, String jsonBody, BasicAuth auth) {
        return send("PUT", url, jsonBody, auth);
    }

    public static Response delete(String url) {
        return send("DELETE", url, null, null);
    }

    /** DELETE, with a JSON body if {@code jsonBody} is not null. */
    public static Response delete(String url, String jsonBody, BasicAuth auth) {
        return send("DELETE", url, jsonBody, auth);
    }

    /**
     * GET that reports "nobody answered" (connection refused, reset, timeout) as empty instead of throwing: for
     * asserting that a killed server is really gone, and for polling a server that is still coming up.
     */
    public static Optional<Response> tryGet(String url) {
        try {
            return Optional.of(get(url));
        } catch (UncheckedIOException e) {
            return Optional.empty();
        }
    }

    /**
     * Any method; {@code body} null sends none, otherwise it is sent as JSON. {@code auth} may be null.
     * Connection failures become {@link UncheckedIOException} naming the request.
     */
    public static Response send(String method, String url, String body, BasicAuth auth) {
        return send(method, url, body, auth, new String[0]);
    }

    /** As {@link #send(String, String, String, BasicAuth)} with extra headers as name/value pairs (they win). */
    public static Response send(String method, String url, String body, BasicAuth auth, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(REQUEST_TIMEOUT)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        java.util.Map<String, String> extra = new java.util.LinkedHashMap<>();
        for (int i = 0; i + 1 < headers.length; i += 2) {
            extra.put(headers[i], headers[i + 1]);
        }
        if (body != null && !extra.containsKey("Content-Type")) {
            request.header("Content-Type", JSON);
        }
        if (auth != null) {
            request.header("Authorization", auth.headerValue());
        }
        extra.forEach(request::header);
        try {
            HttpResponse<String> response = CLIENT.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + url + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(method + " " + url + " interrupted", e);
        }
    }

    /**
     * A GET over HTTPS from the local address {@code from} (e.g. 127.0.0.2: every 127.0.0.0/8 address is this machine),
     * so that a test can be a second client as the server sees clients — by the TCP peer address, not by a header.
     * java.net.http cannot choose its local address before Java 22, hence one HTTP/1.0 request on a socket of our
     * own (1.0: the answer is never chunked).
     */
    public static Response getFrom(InetAddress from, String httpsUrl, BasicAuth auth) {
        URI uri = URI.create(httpsUrl);
        try (Socket socket = TRUST_EVERYTHING.getSocketFactory().createSocket()) {
            socket.bind(new InetSocketAddress(from, 0));
            socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 5_000);
            socket.setSoTimeout((int) REQUEST_TIMEOUT.toMillis());
            String request = "GET " + uri.getRawPath() + " HTTP/1.0\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                    + "\r\n" + (auth == null ? "" : "Authorization: " + auth.headerValue() + "\r\n") + "\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return parseHttp10(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + httpsUrl + " from " + from + " failed: " + e, e);
        }
    }

    private static Response parseHttp10(String raw) {
        int end = raw.indexOf("\r\n\r\n");
        String[] lines = raw.substring(0, end < 0 ? raw.length() : end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.computeIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        k -> new ArrayList<>()).add(lines[i].substring(colon + 1).trim());
            }
        }
        return new Response(status, end < 0 ? "" : raw.substring(end + 4), HttpHeaders.of(headers, (k, v) -> true));
    }

    /**
     * Accepts any server certificate and skips host-name checks: every test server generates its own
     * self-signed certificate. An {@link X509ExtendedTrustManager} is used because JSSE then leaves endpoint
     * identification to it (a plain X509TrustManager would still get the host name checked).
     */
    private static SSLContext trustEverything() {
        TrustManager trustAll = new X509ExtendedTrustManager() {
            @Override public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) { }
            @Override public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) { }
            @Override public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) { }
            @Override public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) { }
            @Override public void checkClientTrusted(X509Certificate[] chain, String authType) { }
            @Override public void checkServerTrusted(X509Certificate[] chain, String authType) { }
            @Override public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {trustAll}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up TLS for test servers", e);
        }
    }
}
