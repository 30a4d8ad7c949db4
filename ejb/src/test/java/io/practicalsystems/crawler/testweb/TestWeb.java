package io.practicalsystems.crawler.testweb;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;
import java.util.function.Predicate;

/**
 * One HTTP server (JDK com.sun.net.httpserver) on a free port of every local address, serving many sites by Host
 * header: names resolve through {@link TestDnsServer} to different loopback addresses (127.0.x.y), all of which
 * reach this one socket on Linux. Every request is recorded in an access log the tests read: which host, what path,
 * from where, to which local address, when it arrived and with which status it was answered.
 */
public final class TestWeb implements AutoCloseable {

    /**
     * One request as the server saw it.
     *
     * @param host          the Host header's name, lower case, without port
     * @param pathAndQuery  the raw request path and query
     * @param remoteAddress the client's address
     * @param localAddress  the address the client connected to (which loopback address DNS gave it)
     * @param arrivalNanos  System.nanoTime() when the request reached its handler (comparable within this JVM)
     * @param arrivalMillis wall clock of the same moment
     * @param status        the status sent (-1 if the handler sent none); logged as the headers go out, before
     *                      the client can see the response
     * @param completedNanos System.nanoTime() when the handler finished (body sent or client gone), -1 while it runs
     * @param userAgent     the User-Agent header, or ""
     */
    public record Access(String host, String pathAndQuery, String remoteAddress, String localAddress,
                         long arrivalNanos, long arrivalMillis, int status, long completedNanos, String userAgent) {

        /** The URL as the client asked for it (http, this server's port). */
        public String url(int port) {
            return "http://" + host + ":" + port + pathAndQuery;
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final Map<String, HttpHandler> sites = new ConcurrentHashMap<>();
    /** A logged request; it completes after it was logged. */
    private record Entry(Access logged, AtomicLong completedNanos) {
        Access access() {
            Access a = logged;
            return new Access(a.host(), a.pathAndQuery(), a.remoteAddress(), a.localAddress(), a.arrivalNanos(),
                    a.arrivalMillis(), a.status(), completedNanos.get(), a.userAgent());
        }
    }

    private final ConcurrentLinkedQueue<Entry> log = new ConcurrentLinkedQueue<>();

    private TestWeb(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /** Starts a server on 0.0.0.0 and a free port. */
    public static TestWeb start() throws IOException {
        // Without TCP_NODELAY the JDK server's separate header and body writes wait ~40 ms for the client's delayed
        // ACK (Nagle): every small page would take 40 ms. Read once, when the first JDK HTTP server is made.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer server = HttpServer.create(new InetSocketAddress("0.0.0.0", 0), 200);
        ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "test-web");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        TestWeb web = new TestWeb(server, executor);
        server.createContext("/", web::dispatch);
        server.start();
        return web;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Serves requests whose Host is this name (any case) with this handler, replacing any earlier one. */
    public TestWeb site(String host, HttpHandler handler) {
        sites.put(host.toLowerCase(Locale.ROOT), handler);
        return this;
    }

    /** {@code http://host:port/path}. */
    public String url(String host, String pathAndQuery) {
        return "http://" + host + ":" + port() + (pathAndQuery.startsWith("/") ? "" : "/") + pathAndQuery;
    }

    /** Every request so far, in order of arrival. */
    public List<Access> accessLog() {
        List<Access> copy = new ArrayList<>();
        log.forEach(entry -> copy.add(entry.access()));
        copy.sort(Comparator.comparingLong(Access::arrivalNanos));
        return copy;
    }

    public List<Access> accessLog(Predicate<Access> filter) {
        return accessLog().stream().filter(filter).toList();
    }

    /** The requests for one host, in order of arrival. */
    public List<Access> accessLog(String host) {
        String lower = host.toLowerCase(Locale.ROOT);
        return accessLog(access -> access.host().equals(lower));
    }

    public void clearAccessLog() {
        log.clear();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void dispatch(HttpExchange exchange) throws IOException {
        long arrivalNanos = System.nanoTime();
        long arrivalMillis = System.currentTimeMillis();
        String host = hostName(exchange.getRequestHeaders().getFirst("Host"));
        String remote = exchange.getRemoteAddress().getAddress().getHostAddress();
        String local = exchange.getLocalAddress().getAddress().getHostAddress();
        URI uri = exchange.getRequestURI();
        String pathAndQuery = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        String userAgent = Objects.requireNonNullElse(exchange.getRequestHeaders().getFirst("User-Agent"), "");
        AtomicBoolean logged = new AtomicBoolean();
        AtomicLong completed = new AtomicLong(-1);
        IntConsumer record = status -> {
            if (logged.compareAndSet(false, true)) {
                log.add(new Entry(new Access(host, pathAndQuery, remote, local, arrivalNanos, arrivalMillis, status,
                        -1, userAgent), completed));
            }
        };
        try (exchange) {
            HttpHandler handler = sites.get(host);
            HttpExchange logging = new LoggedExchange(exchange, record);
            if (handler == null) {
                Respond.text(logging, 404, "no site called " + host + " here");
            } else {
                handler.handle(logging);
            }
        } catch (IOException | RuntimeException clientGoneOrHandlerFailed) {
            // The client hung up (a fetcher cutting a huge or slow body): that is what those pages are for.
        } finally {
            record.accept(-1);
            completed.set(System.nanoTime());
        }
    }

    private static String hostName(String hostHeader) {
        if (hostHeader == null) {
            return "";
        }
        String lower = hostHeader.trim().toLowerCase(Locale.ROOT);
        if (lower.startsWith("[")) {
            int close = lower.indexOf(']');
            return close > 0 ? lower.substring(0, close + 1) : lower;
        }
        int colon = lower.indexOf(':');
        return colon >= 0 ? lower.substring(0, colon) : lower;
    }
}
