package io.practicalsystems.platform.loginthrottle;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class BasicCredentialsTest {

    @Test
    void readsUserAndPasswordAndKeepsColonsInThePassword() {
        assertThat(BasicCredentials.parse("Basic " + encode("admin:pa:ss wörd")))
                .hasValue(new BasicCredentials("admin", "pa:ss wörd"));
        assertThat(BasicCredentials.parse("basic " + encode("admin:"))).hasValue(new BasicCredentials("admin", ""));
    }

    @Test
    void otherSchemesAreNotBasic() {
        assertThat(BasicCredentials.isBasic("Bearer abc")).isFalse();
        assertThat(BasicCredentials.isBasic(null)).isFalse();
        assertThat(BasicCredentials.isBasic("Basic")).isFalse();
        assertThat(BasicCredentials.isBasic("BASIC x")).isTrue();
        assertThat(BasicCredentials.parse("Bearer " + encode("admin:x"))).isEmpty();
    }

    @Test
    void malformedBasicHeadersAreBasicButCarryNoCredentials() {
        assertThat(BasicCredentials.isBasic("Basic not*base64")).isTrue();
        assertThat(BasicCredentials.parse("Basic not*base64")).isEmpty();
        assertThat(BasicCredentials.parse("Basic " + encode("no-colon"))).isEmpty();
        assertThat(BasicCredentials.parse("Basic " + encode("admin:" + "x".repeat(BasicCredentials.MAX_HEADER_LENGTH))))
                .isEmpty();
    }

    @Test
    void neverShowsThePassword() {
        assertThat(new BasicCredentials("admin", "secret").toString()).doesNotContain("secret");
    }

    private static String encode(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
