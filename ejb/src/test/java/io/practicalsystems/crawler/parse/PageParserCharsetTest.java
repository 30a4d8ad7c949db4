package io.practicalsystems.crawler.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Which charset a page is decoded with, and that its text comes out right. */
class PageParserCharsetTest {

    private static final String PAGE = "http://site.test/";
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private final PageParser parser = new PageParser();

    @Test
    void theHttpHeaderCharsetDecodesIso88591() {
        byte[] body = "<title>Café Straße</title><p>déjà vu".getBytes(StandardCharsets.ISO_8859_1);

        ParsedPage page = parser.parse(body, "ISO-8859-1", PAGE);

        assertThat(page.charset()).isEqualTo("ISO-8859-1");
        assertThat(page.title()).isEqualTo("Café Straße");
        assertThat(page.text()).isEqualTo("déjà vu");
    }

    @Test
    void aMetaCharsetDecodesWindows1252WhenTheHeaderNamesNone() {
        byte[] body = "<meta charset=\"windows-1252\"><p>“Quoted” – 5 € …".getBytes(WINDOWS_1252);

        ParsedPage page = parser.parse(body, null, PAGE);

        assertThat(page.charset()).isEqualTo("windows-1252");
        assertThat(page.text()).isEqualTo("“Quoted” – 5 € …");
    }

    @Test
    void anHttpEquivContentTypeIsReadToo() {
        byte[] body = ("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\">"
                + "<p>naïve").getBytes(StandardCharsets.ISO_8859_1);

        ParsedPage page = parser.parse(body, null, PAGE);

        assertThat(page.charset()).isEqualTo("ISO-8859-1");
        assertThat(page.text()).isEqualTo("naïve");
    }

    @Test
    void aUtf8ByteOrderMarkWinsOverTheHeaderAndIsNotText() {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        body.writeBytes("<title>Ünïcödé</title><p>text".getBytes(StandardCharsets.UTF_8));

        ParsedPage withoutHeader = parser.parse(body.toByteArray(), null, PAGE);
        ParsedPage withWrongHeader = parser.parse(body.toByteArray(), "ISO-8859-1", PAGE);

        assertThat(withoutHeader.charset()).isEqualTo("UTF-8");
        assertThat(withoutHeader.title()).isEqualTo("Ünïcödé");
        assertThat(withWrongHeader.charset()).isEqualTo("UTF-8");
        assertThat(withWrongHeader.title()).isEqualTo("Ünïcödé");
    }

    @Test
    void aMetaCharsetThatLiesAboutTheBytesIsWhatDecodesThem() {
        byte[] utf8Bytes = "<meta charset=\"ISO-8859-1\"><p>café".getBytes(StandardCharsets.UTF_8);

        ParsedPage believedMeta = parser.parse(utf8Bytes, null, PAGE);
        ParsedPage headerWins = parser.parse(utf8Bytes, "utf-8", PAGE);

        assertThat(believedMeta.charset()).isEqualTo("ISO-8859-1");
        assertThat(believedMeta.text()).isEqualTo("cafÃ©"); // recorded, so the mismatch can be seen
        assertThat(headerWins.charset()).isEqualTo("UTF-8");
        assertThat(headerWins.text()).isEqualTo("café");
    }

    @Test
    void withoutAnyDeclarationOrWithAnUnknownHeaderCharsetUtf8IsUsed() {
        byte[] body = "<p>日本語のテキスト".getBytes(StandardCharsets.UTF_8);

        assertThat(parser.parse(body, null, PAGE).charset()).isEqualTo("UTF-8");
        ParsedPage unknown = parser.parse(body, "x-no-such-charset", PAGE);
        assertThat(unknown.charset()).isEqualTo("UTF-8");
        assertThat(unknown.text()).isEqualTo("日本語のテキスト");
        assertThat(parser.parse(body, "bad name!", PAGE).text()).isEqualTo("日本語のテキスト");
    }
}
