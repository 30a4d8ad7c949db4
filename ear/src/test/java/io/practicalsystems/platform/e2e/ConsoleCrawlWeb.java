package io.practicalsystems.platform.e2e;

import com.sun.net.httpserver.HttpExchange;
import io.practicalsystems.crawler.testweb.Respond;
import io.practicalsystems.crawler.testweb.TestWeb;
import java.io.IOException;
import java.util.Random;

/**
 * The small test web the console's crawler scenario crawls: two hosts reached by IP literal (no DNS), 25 pages in
 * all. {@code 127.0.0.1} has a robots.txt that disallows {@code /private/}, a root linking twelve pages and the
 * other host, and {@code /copy}, a byte-for-byte copy of {@code /a1} (so the page browser shows a duplicate-of link);
 * {@code 127.0.0.2} has no robots.txt (404) and ten pages. Each page has words of its own, so no two are near
 * duplicates (whose links the crawler would not follow).
 */
final class ConsoleCrawlWeb implements AutoCloseable {

    private static final String FIRST = "127.0.0.1";
    private static final String SECOND = "127.0.0.2";
    private static final int FIRST_PAGES = 12;
    private static final int SECOND_PAGES = 10;

    private final TestWeb web;

    private ConsoleCrawlWeb(TestWeb web) {
        this.web = web;
    }

    static ConsoleCrawlWeb start() throws IOException {
        TestWeb web = TestWeb.start();
        ConsoleCrawlWeb site = new ConsoleCrawlWeb(web);
        web.site(FIRST, site::first);
        web.site(SECOND, site::second);
        return site;
    }

    /** The crawl's seed. */
    String seedUrl() {
        return web.url(FIRST, "/");
    }

    private void first(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (path.equals("/robots.txt")) {
            Respond.text(exchange, 200, "User-agent: *\nDisallow: /private/\n");
        } else if (path.equals("/")) {
            StringBuilder links = new StringBuilder("<a href=\"/private/secret\">private</a> <a href=\"")
                    .append(web.url(SECOND, "/")).append("\">the other host</a>");
            for (int i = 1; i <= FIRST_PAGES; i++) {
                links.append(" <a href=\"/a").append(i).append("\">page a").append(i).append("</a>");
            }
            Respond.html(exchange, 200, page("The console's test web", 0, links.toString()));
        } else if (path.equals("/copy") || path.equals("/a1")) {
            Respond.html(exchange, 200, page("Page a1", 1, "<a href=\"/copy\">a copy of this page</a>"));
        } else if (path.matches("/a([2-9]|1[0-2])")) {
            int n = Integer.parseInt(path.substring(2));
            Respond.html(exchange, 200, page("Page a" + n, n, "<a href=\"/copy\">a copy of page a1</a>"));
        } else {
            Respond.text(exchange, 404, "not found");
        }
    }

    private void second(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (path.equals("/")) {
            StringBuilder links = new StringBuilder();
            for (int i = 1; i <= SECOND_PAGES; i++) {
                links.append(" <a href=\"/b").append(i).append("\">page b").append(i).append("</a>");
            }
            Respond.html(exchange, 200, page("The second host", 100, links.toString()));
        } else if (path.matches("/b([1-9]|10)")) {
            int n = Integer.parseInt(path.substring(2));
            Respond.html(exchange, 200, page("Page b" + n, 100 + n, "<a href=\"/\">home</a>"));
        } else {
            Respond.text(exchange, 404, "not found");
        }
    }

    private static String page(String title, int seed, String links) {
        Random random = new Random(seed);
        StringBuilder words = new StringBuilder();
        for (int i = 0; i < 60; i++) {
            words.append(Integer.toString(1000 + random.nextInt(1_000_000), 36)).append(' ');
        }
        return "<html><head><title>" + title + "</title></head><body><h1>" + title + "</h1><p>" + words
                + "</p><p>" + links + "</p></body></html>";
    }

    @Override
    public void close() {
        web.close();
    }
}
