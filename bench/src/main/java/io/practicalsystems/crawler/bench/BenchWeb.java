package io.practicalsystems.crawler.bench;

import com.sun.net.httpserver.HttpExchange;
import io.practicalsystems.crawler.testweb.Respond;
import io.practicalsystems.crawler.testweb.ScenarioWeb;
import io.practicalsystems.crawler.testweb.TestDnsServer;
import io.practicalsystems.crawler.testweb.TestWeb;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 *   <li>{@code /parse?threads=t&seconds=s} — {@link ParseFloor} over the same bodies.</li>
 * </ul>
 * <pre>java -cp … io.practicalsystems.crawler.bench.BenchWeb hosts pagesPerHost infoFile</pre>
 */
public final class BenchWeb {

    static final String CONTROL = "control.bench";

    private BenchWeb() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length != 3) {
            System.err.println("usage: BenchWeb hosts pagesPerHost infoFile");
            System.exit(2);
        }
        int hosts = Integer.parseInt(args[0]);
        int pagesPerHost = Integer.parseInt(args[1]);
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
        Files.writeString(partial, "DNS=" + dns.hostPort() + "\nWEB_PORT=" + web.port() + "\nSEEDS='" + seeds + "'\n");
        Files.move(partial, info); // the script waits for the file: it appears whole
        Thread.currentThread().join();
    }

    private static void control(HttpExchange exchange, TestWeb web, BenchSite site, List<ParseFloor.Body> bodies)
            throws IOException {
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        switch (exchange.getRequestURI().getRawPath()) {
            case "/mark" -> {
                web.clearAccessLog();
                Respond.text(exchange, 200, "marked\n");
            }
            case "/report" -> {
                long delayMs = Long.parseLong(query.getOrDefault("delayMs", "0"));
                List<TestWeb.Access> log = web.accessLog(access -> !access.host().equals(CONTROL));
                Respond.text(exchange, 200, AccessReport.of(log, site, web.port(), delayMs).lines());
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
            default -> Respond.text(exchange, 404, "mark, report or parse\n");
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
