package io.practicalsystems.crawler;

import com.sun.net.httpserver.HttpExchange;
import io.practicalsystems.crawler.testweb.Respond;
import io.practicalsystems.crawler.testweb.TestDnsServer;
import io.practicalsystems.crawler.testweb.TestWeb;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The generated web {@link CrawlFailoverIT} crawls: per crawl a set of hosts {@code h<i>.<crawl>.fail.test}, each
 * with a home page linking {@code pages} small pages, an allow-all robots.txt and no sitemap (404). The test web's
 * access log keeps each request's User-Agent, which names the server that sent it (each server has its own contact
 * URL), so the log tells which server fetched what and when.
 */
final class FailoverWeb implements AutoCloseable {

    private final TestDnsServer dns;
    private final TestWeb web;
    private final int pages;

    private FailoverWeb(TestDnsServer dns, TestWeb web, int pages) {
        this.dns = dns;
        this.web = web;
        this.pages = pages;
    }

    static FailoverWeb start(int pages) throws IOException {
        return new FailoverWeb(TestDnsServer.start(), TestWeb.start(), pages);
    }

    /** Adds the hosts of one crawl (resolving to 127.0.{block}.1..n) and returns their names. */
    List<String> addHosts(String crawl, int block, int count) {
        List<String> hosts = IntStream.range(0, count).mapToObj(i -> "h" + i + "." + crawl + ".fail.test").toList();
        for (int i = 0; i < count; i++) {
            String host = hosts.get(i);
            dns.put(host, "127.0." + block + "." + (i + 1), 3600);
            web.site(host, exchange -> serve(host, exchange));
        }
        return hosts;
    }

    private void serve(String host, HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        if (path.equals("/robots.txt")) {
            Respond.text(exchange, 200, "User-agent: *\nDisallow:\n");
        } else if (path.equals("/")) {
            // Words of its own per host, or every home page would be a near-duplicate of the first, links unfollowed.
            Respond.html(exchange, 200, "<html><head><title>" + host + "</title></head><body><p>" + words(host, "/")
                    + "</p>" + IntStream.rangeClosed(1, pages).mapToObj(i -> "<a href=\"/p/" + i + "\">page " + i + "</a>")
                    .collect(Collectors.joining(" ")) + "</body></html>");
        } else if (path.matches("/p/\\d+") && Integer.parseInt(path.substring(3)) <= pages) {
            Respond.html(exchange, 200, "<html><head><title>" + host + path + "</title></head><body><p>"
                    + words(host, path) + "</p></body></html>");
        } else {
            Respond.text(exchange, 404, "no such page");
        }
    }

    /** 200 pseudo-random words drawn from the host and path: far apart in SimHash from any other page's. */
    private static String words(String host, String path) {
        java.util.Random random = new java.util.Random((host + path).hashCode());
        return IntStream.range(0, 200).mapToObj(w -> Long.toString(random.nextLong() & 0xffffffL, 36))
                .collect(Collectors.joining(" "));
    }

    /** What a complete crawl of these hosts requests: robots.txt, sitemap.xml, the home page and every page. */
    Set<String> expectedUrls(List<String> hosts) {
        Set<String> urls = new LinkedHashSet<>();
        for (String host : hosts) {
            urls.add(host + "/robots.txt");
            urls.add(host + "/sitemap.xml");
            urls.add(host + "/");
            IntStream.rangeClosed(1, pages).forEach(i -> urls.add(host + "/p/" + i));
        }
        return urls;
    }

    List<String> seeds(List<String> hosts) {
        return hosts.stream().map(h -> "http://" + h + ":" + web.port() + "/").toList();
    }

    String dnsServer() {
        return dns.hostPort();
    }

    /** The requests to these hosts so far, in arrival order. */
    List<TestWeb.Access> hits(List<String> hosts) {
        Set<String> wanted = Set.copyOf(hosts);
        return web.accessLog(access -> wanted.contains(access.host()));
    }

    /** A request as host + path (the test web's port left out). */
    static String url(TestWeb.Access access) {
        return access.host() + access.pathAndQuery();
    }

    @Override
    public void close() {
        web.close();
        dns.close();
    }
}
