package io.practicalsystems.crawler.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import io.practicalsystems.crawler.url.UrlNormalizer;
import io.practicalsystems.testsupport.Gens;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

class PageParserPropertyTest {

    /** Pieces of HTML, some broken, so drawn pages exercise tags, attributes and charset declarations. */
    private static final Gen<byte[]> HTMLISH = Gens.listsOf(Generate.pick(List.of(
            "<a href=\"", "\">", "<a href=x rel=nofollow>", "</a>", "<base href=\"", "http://o.test/", "../", "?q#f",
            "javascript:", "<meta charset=\"", "windows-1252", "utf-16", "\"/>", "<meta name=robots content=none>",
            "<title>", "</title>", "<h1>", "<!--", "-->", "<script>", "</script>", "é", "\uFEFF", "<", ">", "\"", " ",
            "<link rel=canonical href=", "<html lang=", "&amp;", "&#0;", "\u0000")), 0, 30)
            .map(parts -> String.join("", parts).getBytes(StandardCharsets.UTF_8));

    private static final Gen<String> HEADER_CHARSETS = Generate.pick(Arrays.asList(
            null, "utf-8", "ISO-8859-1", "windows-1252", "UTF-16", "no-such-charset", "bad name!", ""));

    private final PageParser parser = new PageParser(new UrlNormalizer(), 5, 200);

    @Test
    void anyBytesParseWithinBoundsAndLinksAreNormalisedHttpUrls() {
        UrlNormalizer normalizer = new UrlNormalizer();
        qt().withExamples(300).forAll(HTMLISH.mix(Gens.bytes(300), 30), HEADER_CHARSETS).checkAssert((body, charset) -> {
            ParsedPage page = parser.parse(body, charset, "http://site.test/a/b.html");

            assertThat(page.outlinks()).hasSizeLessThanOrEqualTo(5);
            assertThat(page.text().length()).isLessThanOrEqualTo(200);
            assertThat(page.charset()).isNotBlank();
            for (Outlink link : page.outlinks()) {
                assertThat(normalizer.normalize(link.url()).value()).isEqualTo(link.url());
            }
            if (page.canonical() != null) {
                assertThat(page.canonical()).startsWith("http");
            }
        });
    }
}
