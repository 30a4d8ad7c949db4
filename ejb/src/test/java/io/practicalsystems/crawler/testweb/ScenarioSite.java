package io.practicalsystems.crawler.testweb;

import static io.practicalsystems.crawler.testweb.ScenarioPages.html;
import static io.practicalsystems.crawler.testweb.ScenarioPages.words;

import io.practicalsystems.crawler.testweb.ScenarioPages.Kind;
import io.practicalsystems.crawler.testweb.ScenarioPages.Resource;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/** Builds every URL of the scenario web (what it answers, what it links to) and what a crawler should make of it. */
final class ScenarioSite {

    static final String DOMAIN = "crawl.test";
    static final String MISSING_HOST = "missing." + DOMAIN;
    static final Pattern CALENDAR = Pattern.compile("/calendar\\?month=(-?\\d{1,9})");
    static final Pattern REPEAT = Pattern.compile("/repeat/(x/)+");

    final ScenarioWeb.Settings settings;
    final int port;
    final Map<String, Resource> resources = new LinkedHashMap<>();
    final Map<String, String> exactDuplicates = new LinkedHashMap<>();
    final Map<String, String> nearDuplicates = new LinkedHashMap<>();
    final Map<String, String> titles = new LinkedHashMap<>();
    final List<String> sitemapOnly = new ArrayList<>();
    private final byte[] bomb;

    ScenarioSite(ScenarioWeb.Settings settings, int port) {
        this.settings = settings;
        this.port = port;
        this.bomb = Respond.gzipBomb(settings.bombDecodedBytes());
        for (int i = 0; i < settings.hosts(); i++) {
            buildHost(i);
        }
    }

    static String hostName(int index) {
        return String.format("h%02d.%s", index, DOMAIN);
    }

    String url(int host, String pathAndQuery) {
        return "http://" + hostName(host) + ":" + port + pathAndQuery;
    }

    private void buildHost(int i) {
        ScenarioHost role = i < ScenarioHost.FIRST_PLAIN ? ScenarioHost.values()[i] : null;
        robots(i, role);
        if (role == null) {
            plainHost(i, false);
            return;
        }
        switch (role) {
            case HUB -> hub();
            case DISALLOW_PATHS -> {
                plainHost(i, false, url(i, "/private/a"), url(i, "/private/b"));
                page(url(i, "/private/a"), List.of(url(i, "/private/b")));
                page(url(i, "/private/b"), List.of());
            }
            case CRAWL_DELAY, ROBOTS_500, ROBOTS_SLOW, DISALLOW_ALL -> plainHost(i, false);
            case ROBOTS_404 -> {
                plainHost(i, false);
                page(url(i, "/from-sitemap"), List.of());
                sitemapOnly.add(url(i, "/from-sitemap"));
                xml(url(i, "/sitemap.xml"), ScenarioPages.sitemap(List.of(url(i, "/"), url(i, "/p/1"), url(i, "/from-sitemap"))));
            }
            case REDIRECTS -> redirects(i);
            case HUGE_AND_SLOW -> hugeAndSlow(i);
            case NON_HTML -> nonHtml(i);
            case CHARSETS -> charsets(i);
            case DUPLICATES -> duplicates(i);
            case DUPLICATE_ELSEWHERE -> {
                page(url(i, "/"), List.of(url(i, "/copy")));
                String original = url(ScenarioHost.DUPLICATES.index(), "/dup/a");
                resources.put(url(i, "/copy"), Resource.page(url(i, "/copy"), duplicateLinks(), List.of(),
                        exchange -> Respond.html(exchange, 200, duplicateBody())));
                exactDuplicates.put(url(i, "/copy"), original);
            }
            case TRAPS -> page(url(i, "/"), List.of(url(i, "/calendar?month=0"), url(i, "/repeat/x/")));
            case GZIP -> plainHost(i, true);
            case THROTTLED -> throttled(i);
            case DOWN -> resources.put(url(i, "/"), Resource.of(url(i, "/"), Kind.ERROR,
                    exchange -> Respond.retryAfter(exchange, 503, settings.retryAfterSeconds())));
            default -> throw new IllegalStateException(role.name());
        }
    }

    private void robots(int i, ScenarioHost role) {
        String url = url(i, "/robots.txt");
        if (role == null) {
            text(url, ScenarioPages.robots("User-agent: *", "Allow: /"));
            return;
        }
        switch (role) {
            case HUB -> text(url, ScenarioPages.robots("User-agent: *", "Disallow:", "",
                    "Sitemap: " + url(i, "/sitemap_index.xml")));
            case DISALLOW_PATHS -> text(url, ScenarioPages.robots("User-agent: someone-else", "Disallow: /", "",
                    "User-agent: *", "Disallow: /private/"));
            case CRAWL_DELAY -> text(url, ScenarioPages.robots("User-agent: *", "Crawl-delay: " + settings.crawlDelaySeconds(),
                    "Disallow:"));
            case ROBOTS_500 -> resources.put(url, Resource.of(url, Kind.ROBOTS, exchange -> Respond.text(exchange, 500, "oops")));
            case ROBOTS_404, DOWN -> resources.put(url, Resource.of(url, Kind.ROBOTS, exchange -> Respond.text(exchange, 404, "none")));
            case ROBOTS_SLOW -> resources.put(url, Resource.of(url, Kind.ROBOTS, exchange -> {
                Respond.sleep(settings.slow().toMillis());
                Respond.text(exchange, 200, "User-agent: *\nDisallow:\n");
            }));
            case DISALLOW_ALL -> text(url, ScenarioPages.robots("User-agent: *", "Disallow: /"));
            default -> text(url, ScenarioPages.robots("User-agent: *", "Disallow:"));
        }
    }

    /** Home page → /p/1…/p/K, two other hosts, a nofollow link to /hidden; /p/j → /p/j+1 and another host. */
    private void plainHost(int i, boolean gzip, String... extraLinks) {
        int n = settings.hosts();
        int pages = settings.pagesPerHost();
        List<String> homeLinks = new ArrayList<>();
        IntStream.rangeClosed(1, pages).forEach(j -> homeLinks.add(url(i, "/p/" + j)));
        homeLinks.add(url((i + 1) % n, "/"));
        homeLinks.add(url((i + 7) % n, "/"));
        homeLinks.addAll(List.of(extraLinks));
        page(url(i, "/"), homeLinks, List.of(url(i, "/hidden")), gzip);
        page(url(i, "/hidden"), List.of(), List.of(), gzip);
        for (int j = 1; j <= pages; j++) {
            page(url(i, "/p/" + j), List.of(url(i, "/p/" + (j % pages + 1)), url((i + 3 * j) % n, "/")), List.of(), gzip);
        }
    }

    private void hub() {
        List<String> links = new ArrayList<>();
        IntStream.range(1, settings.hosts()).forEach(h -> links.add(url(h, "/")));
        links.add("http://" + MISSING_HOST + ":" + port + "/");
        links.add(url(0, "/about"));
        page(url(0, "/"), links);
        page(url(0, "/about"), List.of(url(0, "/")));
        List<String> sitemaps = List.of(url(0, "/sitemap-a.xml"), url(0, "/sitemap-b.xml"));
        xml(url(0, "/sitemap_index.xml"), ScenarioPages.sitemapIndex(sitemaps));
        for (int s = 0; s < 2; s++) {
            List<String> listed = new ArrayList<>();
            for (int k = 1; k <= 3; k++) {
                String page = url(0, "/s/" + (s * 3 + k));
                listed.add(page);
                page(page, List.of());
                sitemapOnly.add(page);
            }
            xml(sitemaps.get(s), ScenarioPages.sitemap(listed));
        }
    }

    private void redirects(int i) {
        page(url(i, "/"), List.of(url(i, "/r/301"), url(i, "/loop/a"), url(i, "/r/elsewhere"), url(i, "/r/relative")));
        resources.put(url(i, "/r/301"), Resource.redirect(url(i, "/r/301"), 301, "/r/302", url(i, "/r/302")));
        resources.put(url(i, "/r/302"), Resource.redirect(url(i, "/r/302"), 302, url(i, "/r/final"), url(i, "/r/final")));
        resources.put(url(i, "/r/relative"), Resource.redirect(url(i, "/r/relative"), 307, "final", url(i, "/r/final")));
        String elsewhere = url(ScenarioHost.FIRST_PLAIN % settings.hosts(), "/");
        resources.put(url(i, "/r/elsewhere"), Resource.redirect(url(i, "/r/elsewhere"), 301, elsewhere, elsewhere));
        resources.put(url(i, "/loop/a"), Resource.redirect(url(i, "/loop/a"), 302, "/loop/b", url(i, "/loop/b")));
        resources.put(url(i, "/loop/b"), Resource.redirect(url(i, "/loop/b"), 302, "/loop/a", url(i, "/loop/a")));
        page(url(i, "/r/final"), List.of());
    }

    private void hugeAndSlow(int i) {
        page(url(i, "/"), List.of(url(i, "/huge"), url(i, "/slow"), url(i, "/bomb")));
        resources.put(url(i, "/huge"), Resource.of(url(i, "/huge"), Kind.OVERSIZED,
                exchange -> Respond.hugeHtml(exchange, settings.hugeBytes())));
        long chunks = Math.max(1, settings.slow().toMillis() / 200);
        resources.put(url(i, "/slow"), Resource.of(url(i, "/slow"), Kind.OVERSIZED, exchange -> Respond.drip(exchange,
                "text/html", "<p>drip</p>\n".getBytes(StandardCharsets.US_ASCII), (int) chunks, 200)));
        resources.put(url(i, "/bomb"), Resource.of(url(i, "/bomb"), Kind.OVERSIZED, exchange -> {
            exchange.getResponseHeaders().set("Content-Encoding", "gzip");
            Respond.bytes(exchange, 200, "text/html", bomb);
        }));
    }

    private void nonHtml(int i) {
        page(url(i, "/"), List.of(url(i, "/image.png"), url(i, "/doc.pdf"), url(i, "/malformed")));
        resources.put(url(i, "/image.png"), Resource.of(url(i, "/image.png"), Kind.NON_HTML,
                exchange -> Respond.bytes(exchange, 200, "image/png", ScenarioPages.png())));
        resources.put(url(i, "/doc.pdf"), Resource.of(url(i, "/doc.pdf"), Kind.NON_HTML,
                exchange -> Respond.bytes(exchange, 200, "application/pdf", ScenarioPages.pdf())));
        String out = url(i, "/after-malformed");
        resources.put(url(i, "/malformed"), Resource.page(url(i, "/malformed"), List.of(out), List.of(),
                exchange -> Respond.html(exchange, 200, ScenarioPages.malformed(out))));
        titles.put(url(i, "/malformed"), "Broken page");
        page(out, List.of());
    }

    private void charsets(int i) {
        page(url(i, "/"), List.of(url(i, "/latin1"), url(i, "/cp1252"), url(i, "/meta-latin1")));
        encoded(url(i, "/latin1"), "Caf\u00e9 cr\u00e8me br\u00fbl\u00e9e", StandardCharsets.ISO_8859_1, true);
        encoded(url(i, "/cp1252"), "Price \u20ac5 \u201cquoted\u201d \u2013 dash", Charset.forName("windows-1252"), true);
        encoded(url(i, "/meta-latin1"), "Na\u00efve fa\u00e7ade", StandardCharsets.ISO_8859_1, false);
    }

    private void encoded(String url, String title, Charset charset, boolean declareInHeader) {
        String meta = declareInHeader ? "" : "<meta charset=\"" + charset.name() + "\">";
        String body = "<!DOCTYPE html><html><head>" + meta + "<title>" + title + "</title></head><body><p>" + title
                + " " + words(url, 40) + "</p></body></html>";
        resources.put(url, Resource.page(url, List.of(), List.of(), exchange -> Respond.encoded(exchange, body, charset, declareInHeader)));
        titles.put(url, title);
    }

    private void duplicates(int i) {
        page(url(i, "/"), List.of(url(i, "/dup/a"), url(i, "/dup/b"), url(i, "/near/a"), url(i, "/near/b")));
        for (String path : List.of("/dup/a", "/dup/b")) {
            resources.put(url(i, path), Resource.page(url(i, path), duplicateLinks(), List.of(),
                    exchange -> Respond.html(exchange, 200, duplicateBody())));
        }
        exactDuplicates.put(url(i, "/dup/b"), url(i, "/dup/a"));
        String text = words("near-duplicate", 300);
        String changed = text.replaceFirst(" (\\w+) ", " CHANGEDWORD ");
        for (String[] near : new String[][] {{"/near/a", text}, {"/near/b", changed}}) {
            String body = html("Nearly the same", near[1], duplicateLinks(), List.of());
            resources.put(url(i, near[0]), Resource.page(url(i, near[0]), duplicateLinks(), List.of(),
                    exchange -> Respond.html(exchange, 200, body)));
        }
        nearDuplicates.put(url(i, "/near/b"), url(i, "/near/a"));
        page(url(i, "/dup/target"), List.of());
    }

    /** Duplicates link with absolute URLs so every copy (on any host) links to the same pages. */
    private List<String> duplicateLinks() {
        return List.of(url(ScenarioHost.DUPLICATES.index(), "/dup/target"));
    }

    private String duplicateBody() {
        return html("The same page", words("exact-duplicate", 200), duplicateLinks(), List.of());
    }

    private void throttled(int i) {
        page(url(i, "/"), List.of(url(i, "/busy"), url(i, "/down"), url(i, "/ok")));
        AtomicInteger busyCalls = new AtomicInteger();
        String busyPage = html("Busy no more", words(url(i, "/busy"), 50), List.of(), List.of());
        resources.put(url(i, "/busy"), Resource.page(url(i, "/busy"), List.of(), List.of(), exchange -> {
            if (busyCalls.getAndIncrement() == 0) {
                Respond.retryAfter(exchange, 429, settings.retryAfterSeconds());
            } else {
                Respond.html(exchange, 200, busyPage);
            }
        }));
        resources.put(url(i, "/down"), Resource.of(url(i, "/down"), Kind.ERROR,
                exchange -> Respond.retryAfter(exchange, 503, settings.retryAfterSeconds())));
        page(url(i, "/ok"), List.of());
    }

    /** The trap pages, made on demand: an answer for any month and any number of repeated segments. */
    Resource trap(String host, String pathAndQuery) {
        if (!host.equals(hostName(ScenarioHost.TRAPS.index()))) {
            return null;
        }
        String url = "http://" + host + ":" + port + pathAndQuery;
        var month = CALENDAR.matcher(pathAndQuery);
        if (month.matches()) {
            long n = Long.parseLong(month.group(1));
            List<String> links = List.of(url(ScenarioHost.TRAPS.index(), "/calendar?month=" + (n + 1)),
                    url(ScenarioHost.TRAPS.index(), "/calendar?month=" + (n - 1)));
            String body = html("Month " + n, words(url, 30), links, List.of());
            return Resource.page(url, links, List.of(), exchange -> Respond.html(exchange, 200, body));
        }
        if (REPEAT.matcher(pathAndQuery).matches()) {
            String next = url + "x/";
            String body = html("Deeper", words(url, 30), List.of("x/"), List.of());
            return Resource.page(url, List.of(next), List.of(), exchange -> Respond.html(exchange, 200, body));
        }
        return null;
    }

    private void page(String url, List<String> links) {
        page(url, links, List.of(), false);
    }

    private void page(String url, List<String> links, List<String> nofollow, boolean gzip) {
        String title = "Page " + url.substring(url.indexOf("//") + 2);
        // 200 words, not 60: with 60, two home pages (their titles, ports and link URLs alike) came within 10 bits of
        // SimHash for some ports, so CrawlIT (threshold 10) counted a duplicate the web did not mean; with 200 the
        // closest unrelated pages measured 13 bits apart.
        String body = html(title, words(url, 200), links, nofollow);
        titles.put(url, title);
        resources.put(url, Resource.page(url, links, nofollow, gzip
                ? exchange -> Respond.gzipHtml(exchange, body)
                : exchange -> Respond.html(exchange, 200, body)));
    }

    private void text(String url, String body) {
        resources.put(url, Resource.of(url, Kind.ROBOTS, exchange -> Respond.text(exchange, 200, body)));
    }

    private void xml(String url, String body) {
        resources.put(url, Resource.of(url, Kind.SITEMAP, exchange -> Respond.bytes(exchange, 200,
                "application/xml; charset=UTF-8", body.getBytes(StandardCharsets.UTF_8))));
    }
}
