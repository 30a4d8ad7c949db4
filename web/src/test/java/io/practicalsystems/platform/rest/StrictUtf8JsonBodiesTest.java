package io.practicalsystems.platform.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.ws.rs.core.MediaType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class StrictUtf8JsonBodiesTest {

    /** Overlong encodings, lone continuation bytes, truncated sequences, encoded surrogates, beyond U+10FFFF. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ff", "c0af", "80", "e282", "eda080", "f4908080", "7b2275726c223a22ff227d", "c3",
        "7b7d e2", "41c328"})
    void failsTheReadAtBytesThatAreNotUtf8(String hex) {
        byte[] bytes = HexFormat.of().parseHex(hex.replace(" ", ""));

        assertThatThrownBy(() -> readThrough(bytes, 3)).isInstanceOf(StrictUtf8JsonBodies.InvalidUtf8.class);
    }

    /** Property, 300 seeded cases: any valid UTF-8 passes unchanged, however the reads split its sequences. */
    @Test
    void passesValidUtf8UnchangedWhateverTheReadSizes() throws IOException {
        Random random = new Random(20261205L);
        for (int i = 0; i < 300; i++) {
            String text = IntStream.range(0, random.nextInt(40)).map(k -> randomCodePoint(random))
                    .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
            byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
            int chunk = 1 + random.nextInt(5);

            assertThat(readThrough(utf8, chunk)).as("case %d, reads of %d bytes", i, chunk).isEqualTo(utf8);
        }
    }

    @Test
    void failsOnlyWhenTheReaderGetsThere() throws IOException {
        byte[] bytes = HexFormat.of().parseHex("7b7d" + "ff");
        try (InputStream in = new StrictUtf8JsonBodies.Utf8CheckingStream(new ByteArrayInputStream(bytes))) {
            assertThat(in.read()).isEqualTo('{');
            assertThat(in.read()).isEqualTo('}');
            assertThatThrownBy(in::read).isInstanceOf(StrictUtf8JsonBodies.InvalidUtf8.class);
        }
    }

    @Test
    void aWrappedFailureIsRecognised() {
        Exception wrapped = new RuntimeException("provider",
                new UncheckedIOException(new StrictUtf8JsonBodies.InvalidUtf8()));

        assertThat(StrictUtf8JsonBodies.causedByInvalidUtf8(wrapped)).isTrue();
        assertThat(StrictUtf8JsonBodies.causedByInvalidUtf8(new RuntimeException("other"))).isFalse();
    }

    @ParameterizedTest(name = "{0}/{1} -> {2}")
    @CsvSource({"application,json,true", "application,merge-patch+json,true", "APPLICATION,JSON,true",
        "application,problem+json,true", "text,plain,false", "application,octet-stream,false", "text,json,false"})
    void checksJsonMediaTypesOnly(String type, String subtype, boolean json) {
        assertThat(StrictUtf8JsonBodies.isJson(new MediaType(type, subtype))).isEqualTo(json);
    }

    private static int randomCodePoint(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> 0x20 + random.nextInt(0x5f);                  // 1 byte
            case 1 -> 0x80 + random.nextInt(0x800 - 0x80);          // 2 bytes
            case 2 -> 0xe000 + random.nextInt(0x10000 - 0xe000);    // 3 bytes, above the surrogates
            default -> 0x10000 + random.nextInt(0x110000 - 0x10000); // 4 bytes
        };
    }

    private static byte[] readThrough(byte[] bytes, int chunk) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = new StrictUtf8JsonBodies.Utf8CheckingStream(new ByteArrayInputStream(bytes))) {
            byte[] buffer = new byte[chunk];
            for (int n; (n = in.read(buffer, 0, chunk)) >= 0; ) {
                out.write(buffer, 0, n);
            }
        }
        return out.toByteArray();
    }
}
