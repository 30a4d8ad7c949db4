package io.practicalsystems.crawler.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.practicalsystems.crawler.url.InvalidUrlException;
import io.practicalsystems.crawler.url.UrlNormalizer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PageParserTest {

    private static final String PAGE = "http://site.test/dir/page.html";

    private final PageParser parser = new PageParser();

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void extractsMetadataHeadingsLinksAndText() {
        ParsedPage page = parser.parse(utf8("""
                <!DOCTYPE html>
                <html lang="en-GB"><head>
                  <title>  The   Title </title>
                  <meta name="Description" content="What this page is about.">
                  <link rel="canonical" href="/dir/page.html?ref=canonical#top">
                </head><body>
                  <h1>Main heading</h1><p>First paragraph with a <a href="other.html">relative link</a>.</p>
                  <h2>Second</h2>
                  <a href="../up.html#section">up</a>
                  <a href="https://elsewhere.test/" rel="external NoFollow">paid</a>
                  <a href="mailto:me@site.test">mail</a> <a href="javascript:void(0)">js</a> <a href="tel:123">tel</a>
                  <map><area href="/area.html" alt="An area"></map>
                </body></html>
                """), null, PAGE);

        assertThat(page.title()).isEqualTo("The Title");
        assertThat(page.description()).isEqualTo("What this page is about.");
        assertThat(page.canonical()).isEqualTo("http://site.test/dir/page.html?ref=canonical");
        assertThat(page.language()).isEqualTo("en-GB");
        assertThat(page.headings()).containsExactly("Main heading", "Second");
        assertThat(page.outlinks()).containsExactly(
                new Outlink("http://site.test/dir/other.html", false, "relative link"),
                new Outlink("http://site.test/up.html", false, "up"),
                new Outlink("https://elsewhere.test/", true, "paid"),
                new Outlink("http://site.test/area.html", false, "An area"));
        assertThat(page.text()).startsWith("Main heading First paragraph with a relative link. Second up paid");
        assertThat(page.charset()).isEqualTo("UTF-8");
        assertThat(page.metaNoIndex()).isFalse();
        assertThat(page.metaNoFollow()).isFalse();
    }

    @Test
    void baseHrefChangesWhereRelativeLinksPoint() {
        ParsedPage page = parser.parse(utf8("""
                <html><head><base href="http://cdn.site.test/assets/"></head>
                <body><a href="a.html">a</a><a href="/root.html">root</a><a href="//other.test/x">x</a></body></html>
                """), null, PAGE);

        assertThat(page.outlinks()).extracting(Outlink::url).containsExactly("http://cdn.site.test/assets/a.html",
                "http://cdn.site.test/root.html", "http://other.test/x");
    }

    @Test
    void metaRobotsNoFollowMarksEveryLinkAndNoneMeansBoth() {
        ParsedPage noFollow = parser.parse(utf8("""
                <html><head><meta name="ROBOTS" content="index, NoFollow"></head>
                <body><a href="a.html">a</a></body></html>"""), null, PAGE);
        ParsedPage none = parser.parse(utf8("<meta name=robots content=none><p>x"), null, PAGE);
        ParsedPage noIndex = parser.parse(utf8("<meta name=robots content=noindex><a href=b>b</a>"), null, PAGE);

        assertThat(noFollow.metaNoFollow()).isTrue();
        assertThat(noFollow.metaNoIndex()).isFalse();
        assertThat(noFollow.outlinks()).allMatch(Outlink::nofollow).hasSize(1);
        assertThat(none.metaNoFollow()).isTrue();
        assertThat(none.metaNoIndex()).isTrue();
        assertThat(noIndex.metaNoIndex()).isTrue();
        assertThat(noIndex.outlinks()).noneMatch(Outlink::nofollow);
    }

    @Test
    void aLinkRepeatedKeepsItsFirstPlaceAndIsFollowableIfAnyCopyIs() {
        ParsedPage page = parser.parse(utf8("""
                <a href="x.html" rel="nofollow">first</a><a href="y.html">y</a><a href="x.html#frag">second</a>"""),
                null, PAGE);

        assertThat(page.outlinks()).containsExactly(new Outlink("http://site.test/dir/x.html", false, "first"),
                new Outlink("http://site.test/dir/y.html", false, "y"));
    }

    @Test
    void malformedHtmlIsParsedAsBrowsersWould() {
        ParsedPage page = parser.parse(utf8("""
                <html><title>Broken</title><body><div><p>One <b>bold <i>text</p>
                <a href=unquoted.html>unquoted<a href='single.html'>single</div></div></span>
                <h3>Heading without end<table><tr><td>cell"""), null, PAGE);

        assertThat(page.title()).isEqualTo("Broken");
        assertThat(page.outlinks()).extracting(Outlink::url).containsExactly("http://site.test/dir/unquoted.html",
                "http://site.test/dir/single.html");
        assertThat(page.text()).contains("One bold text", "cell");
        assertThat(page.headings()).hasSize(1);
        assertThat(page.headings().get(0)).startsWith("Heading without end");
    }

    @Test
    void anUnclosedTitleSwallowsTheRestAsBrowsersDoButStaysBounded() {
        ParsedPage page = parser.parse(utf8("<title>Never closed <p>" + "x".repeat(5_000)), null, PAGE);

        assertThat(page.title()).startsWith("Never closed <p>xxx").hasSize(1_000);
    }

    @Test
    void boundsOutlinksAndText() {
        PageParser bounded = new PageParser(new UrlNormalizer(), 2, 10);
        ParsedPage page = bounded.parse(utf8("<p>" + "word ".repeat(100)
                + "<a href=1>1</a><a href=2>2</a><a href=3>3</a>"), null, PAGE);

        assertThat(page.outlinks()).extracting(Outlink::url).containsExactly("http://site.test/dir/1",
                "http://site.test/dir/2");
        assertThat(page.text()).isEqualTo("word word ");
    }

    @Test
    void thePageUrlMustBeValid() {
        assertThatThrownBy(() -> parser.parse(new byte[0], null, "ftp://site.test/"))
                .isInstanceOf(InvalidUrlException.class);
        ParsedPage empty = parser.parse(new byte[0], null, PAGE);
        assertThat(empty.title()).isNull();
        assertThat(empty.canonical()).isNull();
        assertThat(empty.language()).isNull();
        assertThat(empty.outlinks()).isEmpty();
        assertThat(empty.text()).isEmpty();
    }

    @Test
    void readsTheCharsetOfAContentTypeHeader() {
        assertThat(PageParser.charsetOf("text/html; charset=\"ISO-8859-1\"")).isEqualTo("ISO-8859-1");
        assertThat(PageParser.charsetOf("text/html;Charset=utf-8;q=1")).isEqualTo("utf-8");
        assertThat(PageParser.charsetOf("text/html")).isNull();
        assertThat(PageParser.charsetOf("text/html; charset=")).isNull();
        assertThat(PageParser.charsetOf(null)).isNull();
    }
}
