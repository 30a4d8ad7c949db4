package io.practicalsystems.crawler.testweb;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.List;
import java.util.Random;

/** HTML and other bodies for the scenario web; every page's text is its own (no accidental near-duplicates). */
final class ScenarioPages {

    /** How one URL answers. */
    @FunctionalInterface
    interface Responder {
        void respond(HttpExchange exchange) throws IOException;
    }

    /** What the scenario knows about one URL: how it answers and what it links to (for expected crawls). */
    enum Kind { PAGE, REDIRECT, NON_HTML, ERROR, OVERSIZED, ROBOTS, SITEMAP }

    record Resource(String url, Kind kind, List<String> links, List<String> nofollowLinks, String redirectTo,
                    Responder responder) {

        static Resource page(String url, List<String> links, List<String> nofollow, Responder responder) {
            return new Resource(url, Kind.PAGE, List.copyOf(links), List.copyOf(nofollow), null, responder);
        }

        static Resource of(String url, Kind kind, Responder responder) {
            return new Resource(url, kind, List.of(), List.of(), null, responder);
        }

        static Resource redirect(String url, int status, String location, String absoluteTarget) {
            return new Resource(url, Kind.REDIRECT, List.of(), List.of(), absoluteTarget,
                    exchange -> Respond.redirect(exchange, status, location));
        }
    }

    private static final String[] WORDS = ("alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima "
            + "mike november oscar papa quebec romeo sierra tango uniform victor whiskey xray yankee zulu amber basil "
            + "cedar dune ember fjord glacier harbor island jungle kelp lagoon meadow nectar orchard prairie quartz "
            + "river savanna tundra upland valley willow yarrow zephyr anchor beacon canyon delta estuary forest "
            + "grove heath inlet jetty knoll ledge marsh nook outcrop peak quarry ridge shoal thicket vale wharf "
            + "acorn bramble clover daisy elder fern gorse hazel iris jasmine larch maple nettle olive poppy rowan "
            + "sorrel thyme violet wisteria copper silver iron cobalt nickel zinc tin lead bronze brass granite "
            + "marble slate basalt chalk flint gravel sand clay loam peat").split(" ");

    private ScenarioPages() {
    }

    /** {@code count} words chosen by a generator seeded from the text's key, so each page reads differently. */
    static String words(String key, int count) {
        Random random = new Random(key.hashCode() * 31L + count);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append(i == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
        }
        return text.toString();
    }

    /** A well-formed page: title, description, h1, text, then the links (nofollow ones marked rel=nofollow). */
    static String html(String title, String text, List<String> links, List<String> nofollow) {
        StringBuilder html = new StringBuilder(512 + text.length());
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(escape(title))
                .append("</title>\n<meta name=\"description\" content=\"About ").append(escape(title)).append("\">")
                .append("</head>\n<body><h1>").append(escape(title)).append("</h1>\n<p>").append(escape(text))
                .append("</p>\n<ul>\n");
        for (String link : links) {
            html.append("<li><a href=\"").append(escape(link)).append("\">").append(escape(link)).append("</a></li>\n");
        }
        for (String link : nofollow) {
            html.append("<li><a rel=\"nofollow\" href=\"").append(escape(link)).append("\">hidden</a></li>\n");
        }
        return html.append("</ul></body></html>\n").toString();
    }

    static String robots(String... lines) {
        return String.join("\n", lines) + "\n";
    }

    static String sitemap(List<String> urls) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        urls.forEach(url -> xml.append("  <url><loc>").append(escape(url)).append("</loc></url>\n"));
        return xml.append("</urlset>\n").toString();
    }

    static String sitemapIndex(List<String> sitemaps) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        sitemaps.forEach(url -> xml.append("  <sitemap><loc>").append(escape(url)).append("</loc></sitemap>\n"));
        return xml.append("</sitemapindex>\n").toString();
    }

    /** Markup a lenient parser must survive: unclosed and misnested tags, stray brackets; its one link still counts. */
    static String malformed(String link) {
        return "<html><head><title>Broken page<body><div><p>unclosed paragraph <b>bold <i>both</b> italic</i>"
                + " 3 < 4 & 5 > 2 <table><tr><td>cell<td>cell <a href=\"" + link + "\">the way out</a>"
                + "<p>never closed <div <span>\n";
    }

    /** The first bytes of a PNG, then zeros: enough for any content sniffer. */
    static byte[] png() {
        byte[] bytes = new byte[2048];
        byte[] signature = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
        System.arraycopy(signature, 0, bytes, 0, signature.length);
        return bytes;
    }

    static byte[] pdf() {
        return "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
