package io.practicalsystems.crawler.bench;

import com.sun.net.httpserver.HttpExchange;
import io.practicalsystems.crawler.testweb.Respond;
import io.practicalsystems.crawler.testweb.ScenarioWeb;
import io.practicalsystems.crawler.testweb.TestDnsServer;
import io.practicalsystems.crawler.testweb.TestWeb;
import io.practicalsystems.platform.PortProbe;
import io.practicalsystems.platform.docstore.EmbeddedMongo;
import io.practicalsystems.platform.redis.RedisBackend;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * The local web bench/crawler-load.sh crawls: {@code hosts} hosts of {@code pagesPerHost} pages ({@link BenchSite}),
 * named in a {@link TestDnsServer} (each on its own loopback address) and served by one {@link TestWeb} with its
 * access log; robots.txt and sitemap.xml answer 404 (allow all, nothing listed). It writes {@code DNS}, {@code WEB_PORT}
 * and {@code SEEDS} (a JSON array) to the info file, then serves until killed. The script drives it through the
 * host {@code control.bench} on the same port (curl with a Host header):
 * <ul>
 *   <li>{@code /mark} — forget the access log (a new crawl starts);</li>
 *   <li>{@code /report?delayMs=d} — {@link AccessReport} of the requests since the mark, as key=value lines;</li>
 *   <li>{@code /parse?threads=t&seconds=s} — {@link ParseFloor} over the same bodies;</li>
 *   <li>{@code /servers?servers=a,b} — requests since the mark per server (named in the User-Agent), "name count"
 *       lines;</li>
 *   <li>{@code /kill?server=a} — server {@code a} was killed just now (bin/crawler-experiment.sh);</li>
 *   <li>{@code /verdict?servers=a,b&delayMs=d&leaseMs=l&inFlightBound=n} — {@link FailoverVerdict} of the requests
 *       since the mark, for a person.</li>
 * </ul>
 * With {@code --documents DIR} it also runs a Mongo-wire document store (data in DIR) and with {@code --redis DIR} a
 * Redis (the one on 127.0.0.1:6379 if it answers, else an embedded redis-server with its files in DIR) for servers
 * that must share them and may be killed, and adds {@code MONGODB_URL} and {@code REDIS_URL} to the info file.
 * <pre>java -cp … io.practicalsystems.crawler.bench.BenchWeb hosts pagesPerHost infoFile [--documents DIR] [--redis DIR]</pre>
 */
public final class BenchWeb {

    static final String CONTROL = "control.bench";
    private static final int DEFAULT_REDIS_PORT = 6379;
    private static final AtomicReference<FailoverVerdict.Kill> KILL = new AtomicReference<>(FailoverVerdict.Kill.NONE);

    private BenchWeb() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Map<String, String> options = options(Arrays.asList(args).subList(Math.min(3, args.length), args.length));
        if (args.length < 3 || options == null) {
            System.err.println("usage: BenchWeb hosts pagesPerHost infoFile [--documents DIR] [--redis DIR]");
            System.exit(2);
        }
        int hosts = Integer.parseInt(args[0]);
        int pagesPerHost = Integer.parseInt(args[1]);
        StringBuilder services = new StringBuilder();
        if (options.containsKey("--documents")) {
            EmbeddedMongo documents = EmbeddedMongo.start(Path.of(options.get("--documents"), "documents.mv"),
                    freePort());
            services.append("MONGODB_URL=").append(documents.connectionString()).append('\n');
        }
        if (options.containsKey("--redis")) {
            int port = DEFAULT_REDIS_PORT;
            if (!PortProbe.answersOnLoopback(port)) {
                port = freePort();
                RedisBackend.startEmbedded(port, Path.of(options.get("--redis"))); // stops with this process
            }
            services.append("REDIS_URL=redis://127.0.0.1:").append(port).append('\n');
        }
        TestDnsServer dns = TestDnsServer.start();
        TestWeb web = TestWeb.start();
        BenchSite site = new BenchSite(hosts, pagesPerHost, web.port());
        List<ParseFloor.Body> bodies = new ArrayList<>();
        for (int host = 0; host < hosts; host++) {
            String name = BenchSite.host(host);
            dns.put(name, ScenarioWeb.address(host), 3600);
            byte[][] pages = new byte[pagesPerHost][];
            for (int page = 0; page < pagesPerHost; page++) {
                pages[page] = site.body(host, page);
                bodies.add(new ParseFloor.Body(site.url(host, page), pages[page]));
            }
            web.site(name, exchange -> {
                int page = site.page(exchange.getRequestURI().getRawPath());
                if (page < 0 || exchange.getRequestURI().getRawQuery() != null) {
                    Respond.text(exchange, 404, "not found");
                } else {
                    Respond.bytes(exchange, 200, "text/html; charset=utf-8", pages[page]);
                }
            });
        }
        web.site(CONTROL, exchange -> control(exchange, web, site, bodies));
        String seeds = site.seeds().stream().map(url -> '"' + url + '"').collect(Collectors.joining(",", "[", "]"));
        Path info = Path.of(args[2]);
        Path partial = info.resolveSibling(info.getFileName() + ".tmp");
        Files.writeString(partial, services + "DNS=" + dns.hostPort() + "\nWEB_PORT=" + web.port() + "\nSEEDS='" + seeds
                + "'\n");
        Files.move(partial, info); // the script waits for the file: it appears whole
        Thread.currentThread().join();
    }

    private static void control(HttpExchange exchange, TestWeb web, BenchSite site, List<ParseFloor.Body> bodies)
            throws IOException {
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        switch (exchange.getRequestURI().getRawPath()) {
            case "/mark" -> {
                web.clearAccessLog();
                KILL.set(FailoverVerdict.Kill.NONE);
                Respond.text(exchange, 200, "marked\n");
            }
            case "/report" -> {
                long delayMs = Long.parseLong(query.getOrDefault("delayMs", "0"));
                Respond.text(exchange, 200, AccessReport.of(crawlLog(web), site, web.port(), delayMs).lines());
            }
            case "/parse" -> {
                try {
                    Respond.text(exchange, 200, ParseFloor.measure(bodies,
                            Integer.parseInt(query.getOrDefault("threads", "1")),
                            Double.parseDouble(query.getOrDefault("warmup", "5")),
                            Double.parseDouble(query.getOrDefault("seconds", "10"))));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    Respond.text(exchange, 503, "interrupted\n");
                }
            }
            case "/servers" -> Respond.text(exchange, 200, FailoverVerdict.requestsByServer(crawlLog(web),
                            names(query)).entrySet().stream().map(e -> e.getKey() + " " + e.getValue() + "\n")
                    .collect(Collectors.joining()));
            case "/kill" -> {
                KILL.set(new FailoverVerdict.Kill(query.getOrDefault("server", ""), System.nanoTime()));
                Respond.text(exchange, 200, "noted\n");
            }
            case "/verdict" -> {
                FailoverVerdict.Limits limits = new FailoverVerdict.Limits(
                        Long.parseLong(query.getOrDefault("delayMs", "0")),
                        Long.parseLong(query.getOrDefault("leaseMs", "0")),
                        Integer.parseInt(query.getOrDefault("inFlightBound", "0")));
                Set<String> pages = bodies.stream().map(ParseFloor.Body::url).collect(Collectors.toSet());
                Respond.text(exchange, 200, new FailoverVerdict(crawlLog(web), web.port(), names(query), KILL.get(),
                        limits, pages).text());
            }
            default -> Respond.text(exchange, 404, "mark, report, parse, servers, kill or verdict\n");
        }
    }

    /** The crawl's requests since the mark: all but the control host's. */
    private static List<TestWeb.Access> crawlLog(TestWeb web) {
        return web.accessLog(access -> !access.host().equals(CONTROL));
    }

    private static List<String> names(Map<String, String> query) {
        return Arrays.stream(query.getOrDefault("servers", "").split(","))
                .filter(name -> !name.isBlank()).toList();
    }

    /** {@code --name value} pairs, or null when they are not pairs of a known name and a value. */
    private static Map<String, String> options(List<String> args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.size(); i += 2) {
            if (i + 1 >= args.size() || !Set.of("--documents", "--redis").contains(args.get(i))) {
                return null;
            }
            options.put(args.get(i), args.get(i + 1));
        }
        return options;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    query.put(pair.substring(0, eq), pair.substring(eq + 1));
                }
            }
        }
        return query;
    }
}
