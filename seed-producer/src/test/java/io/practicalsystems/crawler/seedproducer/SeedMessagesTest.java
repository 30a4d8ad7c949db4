package io.practicalsystems.crawler.seedproducer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.BufferedReader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeedMessagesTest {

    private static BufferedReader stdin(String text) {
        return new BufferedReader(new StringReader(text));
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    @Test
    void urlsComeFromTheArgumentsOrElseOnePerLineFromStandardInput() throws Exception {
        SeedMessages.Input fromArgs = SeedMessages.read(new String[] {"42", "https://a.example/", " https://b/ "},
                stdin("https://ignored/"));
        assertThat(fromArgs.crawlId()).isEqualTo("42");
        assertThat(fromArgs.urls()).containsExactly("https://a.example/", "https://b/");

        SeedMessages.Input fromStdin = SeedMessages.read(new String[] {"42"},
                stdin("# seeds\nhttps://a.example/\n\n  https://b.example/x  \n"));
        assertThat(fromStdin.urls()).containsExactly("https://a.example/", "https://b.example/x");
    }

    @Test
    void badInputIsAUsageErrorSayingWhatIsMissing() {
        assertThatThrownBy(() -> SeedMessages.read(new String[0], stdin(""))).hasMessageContaining("usage");
        assertThatThrownBy(() -> SeedMessages.read(new String[] {"crawl-7", "https://a/"}, stdin("")))
                .hasMessageContaining("crawl id");
        assertThatThrownBy(() -> SeedMessages.read(new String[] {"42"}, stdin("\n# nothing\n")))
                .hasMessageContaining("no URLs");
    }

    @Test
    void urlsTheServerWouldRefuseAreLeftOutAndCounted() throws Exception {
        SeedMessages.Input input = SeedMessages.read(new String[] {"42", "https://a/",
                "https://b/" + "x".repeat(SeedMessages.MAX_URL_LENGTH)}, stdin(""));
        assertThat(input.urls()).containsExactly("https://a/");
        assertThat(input.skipped()).isEqualTo(1);
    }

    @Test
    void messagesCarryTheCrawlIdAndAtMostFiveHundredUrlsInInputOrder() {
        List<String> urls = new ArrayList<>();
        for (int i = 0; i < 1201; i++) {
            urls.add("https://example.org/" + i);
        }
        List<String> messages = SeedMessages.messages(new SeedMessages.Input("42", urls, 0));
        assertThat(messages).hasSize(3);
        List<String> sent = new ArrayList<>();
        for (String message : messages) {
            JsonObject o = json(message);
            assertThat(o.getString("crawlId")).isEqualTo("42");
            assertThat(o.getJsonArray("seeds").size()).isLessThanOrEqualTo(SeedMessages.URLS_PER_MESSAGE);
            o.getJsonArray("seeds").getValuesAs(jakarta.json.JsonString.class).forEach(s -> sent.add(s.getString()));
        }
        assertThat(sent).isEqualTo(urls);
    }

    @Test
    void longUrlsMakeMoreMessagesSoThatEachStaysWithinTheServersSizeBound() {
        List<String> urls = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            urls.add("https://example.org/" + i + "/" + "\"".repeat(16_000));
        }
        List<String> messages = SeedMessages.messages(new SeedMessages.Input("42", urls, 0));
        assertThat(messages).allSatisfy(m -> assertThat(m.length()).isLessThanOrEqualTo(256 * 1024));
        assertThat(messages.stream().mapToInt(m -> json(m).getJsonArray("seeds").size()).sum()).isEqualTo(40);
    }
}
