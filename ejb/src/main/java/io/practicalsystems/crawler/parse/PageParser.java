package io.practicalsystems.crawler.parse;

import io.practicalsystems.crawler.url.InvalidUrlException;
import io.practicalsystems.crawler.url.NormalizedUrl;
import io.practicalsystems.crawler.url.UrlNormalizer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * Parses an HTML page with jsoup into a {@link ParsedPage}. The charset is the HTTP header's when it names one Java
 * supports; otherwise jsoup detects it from a byte-order mark or a {@code <meta charset>} / http-equiv tag in the
 * first kilobytes, and falls back to UTF-8. A byte-order mark wins over the header, as the HTML standard says. Links
 * are read from {@code <a href>} and {@code <area href>}, resolved against {@code <base href>} (else the page URL)
 * with {@link UrlNormalizer}; links that are not http(s) or not valid URLs are dropped. Malformed HTML is parsed the
 * way browsers parse it. Thread-safe.
 */
public final class PageParser {

    public static final int DEFAULT_MAX_OUTLINKS = 1_000;
    public static final int DEFAULT_MAX_TEXT_CHARS = 100_000;

    private static final int MAX_HEADINGS = 100;
    private static final int MAX_SHORT_TEXT = 1_000;
    private static final int MAX_ANCHOR_TEXT = 200;
    private static final int MAX_LANGUAGE = 35;

    /** Selectors parsed once: parsing a CSS query costs more than running it on a typical page. */
    private static final Evaluator HEADINGS = QueryParser.parse("h1, h2, h3, h4, h5, h6");
    private static final Evaluator BASE = QueryParser.parse("base[href]");
    private static final Evaluator NAMED_META = QueryParser.parse("meta[name][content]");
    private static final Evaluator HTTP_EQUIV_META = QueryParser.parse("meta[http-equiv][content]");
    private static final Evaluator LINK_WITH_REL = QueryParser.parse("link[rel][href]");
    private static final Evaluator LINKS = QueryParser.parse("a[href], area[href]");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern ROBOTS_SEPARATORS = Pattern.compile("[,\\s]+");

    private final UrlNormalizer normalizer;
    private final int maxOutlinks;
    private final int maxTextChars;

    public PageParser(UrlNormalizer normalizer, int maxOutlinks, int maxTextChars) {
        if (maxOutlinks < 0 || maxTextChars < 0) {
            throw new IllegalArgumentException("The outlink and text bounds must not be negative.");
        }
        this.normalizer = normalizer;
        this.maxOutlinks = maxOutlinks;
        this.maxTextChars = maxTextChars;
    }

    public PageParser() {
        this(new UrlNormalizer(), DEFAULT_MAX_OUTLINKS, DEFAULT_MAX_TEXT_CHARS);
    }

    /**
     * @param body                  the page's bytes as received (already decompressed)
     * @param charsetFromHttpHeader the Content-Type header's charset, or {@code null}; see {@link #charsetOf(String)}
     * @param pageUrl               the page's URL (after redirects); relative links resolve against it
     * @throws InvalidUrlException when {@code pageUrl} is not a valid http(s) URL
     */
    public ParsedPage parse(byte[] body, String charsetFromHttpHeader, String pageUrl) {
        NormalizedUrl page = normalizer.normalize(pageUrl);
        Document doc;
        try {
            doc = Jsoup.parse(new ByteArrayInputStream(body), supportedOrNull(charsetFromHttpHeader), page.value());
        } catch (IOException e) {
            throw new UncheckedIOException("Reading a byte array cannot fail", e);
        }
        NormalizedUrl base = baseUrl(doc, page);
        boolean[] robots = metaRobots(doc);
        List<String> headings = doc.select(HEADINGS).stream().limit(MAX_HEADINGS)
                .map(h -> bounded(h.text(), MAX_SHORT_TEXT)).filter(h -> !h.isEmpty()).toList();
        return new ParsedPage(
                blankToNull(bounded(doc.title(), MAX_SHORT_TEXT)),
                blankToNull(bounded(metaContent(doc, "description"), MAX_SHORT_TEXT)),
                canonical(doc, base),
                language(doc),
                headings,
                outlinks(doc, base, robots[1]),
                cut(doc.body() == null ? "" : doc.body().text(), maxTextChars), // jsoup's text() is collapsed
                doc.charset().name(),
                robots[0],
                robots[1]);
    }

    /** The {@code charset} parameter of a Content-Type header value, or {@code null}. */
    public static String charsetOf(String contentType) {
        if (contentType == null) {
            return null;
        }
        for (String parameter : contentType.split(";")) {
            String[] nameValue = parameter.split("=", 2);
            if (nameValue.length == 2 && nameValue[0].strip().equalsIgnoreCase("charset")) {
                String value = nameValue[1].strip().replace("\"", "").replace("'", "");
                return value.isEmpty() ? null : value;
            }
        }
        return null;
    }

    private static String supportedOrNull(String charset) {
        try {
            return charset != null && Charset.isSupported(charset) ? charset : null;
        } catch (IllegalArgumentException e) { // an illegal name
            return null;
        }
    }

    private NormalizedUrl baseUrl(Document doc, NormalizedUrl page) {
        Element base = doc.selectFirst(BASE);
        if (base != null) {
            try {
                return normalizer.resolve(base.attr("href"), page);
            } catch (InvalidUrlException e) {
                return page; // browsers ignore a base they cannot use
            }
        }
        return page;
    }

    /** {noindex, nofollow} from {@code <meta name="robots">}; "none" means both. */
    private static boolean[] metaRobots(Document doc) {
        boolean noIndex = false;
        boolean noFollow = false;
        for (Element meta : doc.select(NAMED_META)) {
            if (meta.attr("name").strip().equalsIgnoreCase("robots")) {
                for (String token : ROBOTS_SEPARATORS.split(meta.attr("content").toLowerCase(Locale.ROOT))) {
                    noIndex |= token.equals("noindex") || token.equals("none");
                    noFollow |= token.equals("nofollow") || token.equals("none");
                }
            }
        }
        return new boolean[] {noIndex, noFollow};
    }

    private static String metaContent(Document doc, String name) {
        for (Element meta : doc.select(NAMED_META)) {
            if (meta.attr("name").strip().equalsIgnoreCase(name)) {
                return meta.attr("content");
            }
        }
        return "";
    }

    private String canonical(Document doc, NormalizedUrl base) {
        for (Element link : doc.select(LINK_WITH_REL)) {
            if (hasRelToken(link, "canonical")) {
                try {
                    return normalizer.resolve(link.attr("href"), base).value();
                } catch (InvalidUrlException e) {
                    return null;
                }
            }
        }
        return null;
    }

    private static String language(Document doc) {
        Element html = doc.firstElementChild();
        String lang = html == null ? "" : html.attr("lang");
        if (lang.isBlank()) {
            for (Element meta : doc.select(HTTP_EQUIV_META)) {
                if (meta.attr("http-equiv").strip().equalsIgnoreCase("content-language")) {
                    lang = meta.attr("content").split(",")[0];
                }
            }
        }
        return blankToNull(bounded(lang, MAX_LANGUAGE));
    }

    private List<Outlink> outlinks(Document doc, NormalizedUrl base, boolean pageNoFollow) {
        Map<String, Outlink> byUrl = new LinkedHashMap<>();
        for (Element link : doc.select(LINKS)) {
            String url;
            try {
                url = normalizer.resolve(link.attr("href"), base).value();
            } catch (InvalidUrlException e) {
                continue;
            }
            boolean nofollow = pageNoFollow || hasRelToken(link, "nofollow");
            Outlink earlier = byUrl.get(url);
            if (earlier == null && byUrl.size() < maxOutlinks) {
                String anchor = link.tagName().equals("area") ? link.attr("alt") : link.text();
                byUrl.put(url, new Outlink(url, nofollow, bounded(anchor, MAX_ANCHOR_TEXT)));
            } else if (earlier != null && earlier.nofollow() && !nofollow) {
                byUrl.put(url, new Outlink(url, false, earlier.anchorText())); // one followable link is enough
            }
        }
        return new ArrayList<>(byUrl.values());
    }

    private static boolean hasRelToken(Element element, String token) {
        for (String rel : WHITESPACE.split(element.attr("rel").toLowerCase(Locale.ROOT))) {
            if (rel.equals(token)) {
                return true;
            }
        }
        return false;
    }

    /** Whitespace collapsed and cut to {@code max} characters. */
    private static String bounded(String s, int max) {
        return cut(WHITESPACE.matcher(cut(s, max * 4).strip()).replaceAll(" "), max);
    }

    /** At most {@code max} characters, without splitting a surrogate pair. */
    private static String cut(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        int end = max > 0 && Character.isLowSurrogate(s.charAt(max)) ? max - 1 : max;
        return s.substring(0, end);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
