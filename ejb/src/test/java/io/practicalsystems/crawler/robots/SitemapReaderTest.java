package io.practicalsystems.crawler.robots;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class SitemapReaderTest {

    private final SitemapReader reader = new SitemapReader(3);

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void readsPageUrlsOfAnUrlset() throws Exception {
        SitemapContents contents = reader.read(utf8("""
                <?xml version="1.0" encoding="UTF-8"?>
                <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                  <url><loc>http://site.test/a.html</loc><lastmod>2026-01-01</lastmod></url>
                  <url><loc>http://site.test/b.html</loc></url>
                  <url><loc>http://other.test/c.html</loc></url>
                </urlset>
                """), "application/xml", "http://site.test/sitemap.xml");

        assertThat(contents.pageUrls()).containsExactly("http://site.test/a.html", "http://site.test/b.html",
                "http://other.test/c.html");
        assertThat(contents.sitemapUrls()).isEmpty();
        assertThat(contents.truncated()).isFalse();
    }

    @Test
    void readsNestedSitemapsOfAnIndex() throws Exception {
        SitemapContents contents = reader.read(utf8("""
                <?xml version="1.0" encoding="UTF-8"?>
                <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                  <sitemap><loc>http://site.test/sitemap-1.xml</loc></sitemap>
                  <sitemap><loc>http://site.test/sitemap-2.xml.gz</loc></sitemap>
                </sitemapindex>
                """), "text/xml", "http://site.test/sitemap.xml");

        assertThat(contents.sitemapUrls()).containsExactlyInAnyOrder("http://site.test/sitemap-1.xml",
                "http://site.test/sitemap-2.xml.gz");
        assertThat(contents.pageUrls()).isEmpty();
    }

    @Test
    void boundsTheNumberOfUrlsAndSaysSo() throws Exception {
        SitemapContents contents = reader.read(utf8("""
                http://site.test/1
                http://site.test/2
                http://site.test/3
                http://site.test/4
                """), "text/plain", "http://site.test/sitemap.txt");

        assertThat(contents.pageUrls()).containsExactly("http://site.test/1", "http://site.test/2",
                "http://site.test/3");
        assertThat(contents.truncated()).isTrue();
    }

    @Test
    void readsGzippedSitemapsAndGuessesWithoutAContentType() throws Exception {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(utf8("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><url><loc>"
                    + "http://site.test/z</loc></url></urlset>"));
        }

        assertThat(reader.read(gz.toByteArray(), "application/gzip", "http://site.test/sitemap.xml.gz").pageUrls())
                .containsExactly("http://site.test/z");
        assertThat(reader.read(utf8("http://site.test/t\n"), null, "http://site.test/sitemap.txt").pageUrls())
                .containsExactly("http://site.test/t");
    }

    @Test
    void unreadableSitemapsAndExternalEntitiesAreRefusedWithAMessage() throws IOException {
        assertThatThrownBy(() -> reader.read(utf8("<urlset><url><loc>"), "application/xml",
                "http://site.test/sitemap.xml")).isInstanceOf(UnreadableSitemapException.class)
                .hasMessageContaining("could not be read");
        assertThatThrownBy(() -> reader.read(utf8("""
                <?xml version="1.0"?>
                <!DOCTYPE urlset [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>&xxe;</loc></url></urlset>
                """), "application/xml", "http://site.test/sitemap.xml"))
                .isInstanceOf(UnreadableSitemapException.class);
        assertThatThrownBy(() -> reader.read(new byte[0], "text/plain", "not a url"))
                .isInstanceOf(UnreadableSitemapException.class).hasMessageContaining("not a valid sitemap URL");
    }
}
