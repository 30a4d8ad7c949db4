package io.practicalsystems.crawler.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The pages of the benchmark web: host {@code i} is {@code h<i>.bench.test}; its page {@code j} is {@code /} for 0
 * and {@code /p/<j>} otherwise, and links to pages 5j+1 … 5j+5 of its host (a tree: every page is found, depth
 * grows with log₅ of the pages per host) and to the next host's home page (already a seed: the seen set answers).
 * Bodies are about 6 KB of HTML with a title, a description, headings and paragraphs of words drawn from a fixed
 * vocabulary by a per-page seed, so no two pages are duplicates and every run serves the same bytes.
 */
final class BenchSite {

    static final int FAN_OUT = 5;
    private static final String[] WORDS = ("crawler frontier politeness robots sitemap parser fetch host delay queue "
            + "lease redis claim document store index text heading link anchor title meta canonical language charset "
            + "gzip redirect timeout backoff retry server client socket address resolver cache record answer page "
            + "body header status content type length window rate bound floor ratio measure result target run "
            + "machine core thread batch job step chunk message listener concurrency search engine ranking graph")
            .split(" ");

    private final int hosts;
    private final int pagesPerHost;
    private final int port;

    BenchSite(int hosts, int pagesPerHost, int port) {
        this.hosts = hosts;
        this.pagesPerHost = pagesPerHost;
        this.port = port;
    }

    static String host(int index) {
        return "h" + index + ".bench.test";
    }

    static String path(int page) {
        return page == 0 ? "/" : "/p/" + page;
    }

    /** The page number of a path, or -1 when the path is no page of the site. */
    int page(String path) {
        if (path.equals("/")) {
            return 0;
        }
        if (!path.startsWith("/p/")) {
            return -1;
        }
        try {
            int page = Integer.parseInt(path.substring(3));
            return page > 0 && page < pagesPerHost ? page : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    String url(int host, int page) {
        return "http://" + host(host) + ":" + port + path(page);
    }

    byte[] body(int host, int page) {
        Random random = new Random((long) host * pagesPerHost + page); // one seed per page of the site
        StringBuilder html = new StringBuilder(7000);
        html.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(host(host)).append(" page ").append(page).append(' ').append(words(random, 4))
                .append("</title><meta name=\"description\" content=\"").append(words(random, 16))
                .append("\"></head><body><nav>");
        for (int child = FAN_OUT * page + 1; child <= FAN_OUT * page + FAN_OUT && child < pagesPerHost; child++) {
            html.append("<a href=\"").append(path(child)).append("\">").append(words(random, 3)).append("</a> ");
        }
        html.append("<a href=\"").append(url((host + 1) % hosts, 0)).append("\">next host</a></nav>");
        for (int section = 0; section < 6; section++) {
            html.append("<h2>").append(words(random, 5)).append("</h2>");
            for (int paragraph = 0; paragraph < 2; paragraph++) {
                html.append("<p>").append(words(random, 70)).append("</p>");
            }
        }
        return html.append("</body></html>").toString().getBytes(StandardCharsets.UTF_8);
    }

    List<String> seeds() {
        List<String> seeds = new ArrayList<>();
        for (int host = 0; host < hosts; host++) {
            seeds.add(url(host, 0));
        }
        return seeds;
    }

    private static String words(Random random, int count) {
        StringBuilder words = new StringBuilder();
        for (int i = 0; i < count; i++) {
            words.append(i == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
        }
        return words.toString();
    }
}
