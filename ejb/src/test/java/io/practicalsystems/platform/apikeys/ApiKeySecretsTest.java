package io.practicalsystems.platform.apikeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApiKeySecretsTest {

    private final SecureRandom random = new SecureRandom();

    @Test
    void aNewKeyIsWellFormedAndCarries256RandomBits() {
        String key = ApiKeySecrets.newKey(random);
        assertThat(key).startsWith("psk_").hasSize(ApiKeySecrets.KEY_LENGTH).hasSize(47);
        assertThat(ApiKeySecrets.isWellFormed(key)).isTrue();
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            keys.add(ApiKeySecrets.newKey(random));
        }
        assertThat(keys).hasSize(1000);
    }

    @Test
    void aFixedRandomSourceGivesTheKeyItsBytesEncode() {
        SecureRandom ones = new SecureRandom() {
            @Override
            public void nextBytes(byte[] bytes) {
                java.util.Arrays.fill(bytes, (byte) 0xff);
            }
        };
        assertThat(ApiKeySecrets.newKey(ones)).isEqualTo("psk_" + "_".repeat(42) + "8");
        assertThat(ApiKeySecrets.newId(ones)).isEqualTo("ffffffffffffffff");
    }

    @Test
    void idsAre16HexDigits() {
        assertThat(ApiKeySecrets.newId(random)).matches("[0-9a-f]{16}");
    }

    @Test
    void anythingNotShapedLikeAnIssuedKeyIsMalformed() {
        String key = ApiKeySecrets.newKey(random);
        assertThat(ApiKeySecrets.isWellFormed(null)).isFalse();
        assertThat(ApiKeySecrets.isWellFormed("")).isFalse();
        assertThat(ApiKeySecrets.isWellFormed("it-key-1234")).isFalse();
        assertThat(ApiKeySecrets.isWellFormed(key.substring(0, key.length() - 1))).as("short").isFalse();
        assertThat(ApiKeySecrets.isWellFormed(key + "A")).as("long").isFalse();
        assertThat(ApiKeySecrets.isWellFormed("psx_" + key.substring(4))).as("prefix").isFalse();
        assertThat(ApiKeySecrets.isWellFormed(key.substring(0, 10) + "+" + key.substring(11))).as("alphabet")
                .isFalse();
        assertThat(ApiKeySecrets.isWellFormed(key + "," + key)).as("header sent twice").isFalse();
    }

    @Test
    void theStoredFormIsTheSha256OfTheKey() {
        // SHA-256("abc"), FIPS 180-2 test vector
        assertThat(ApiKeySecrets.hash("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        String key = ApiKeySecrets.newKey(random);
        assertThat(ApiKeySecrets.hash(key)).hasSize(64).doesNotContain(key.substring(4))
                .isEqualTo(ApiKeySecrets.hash(key)).isNotEqualTo(ApiKeySecrets.hash(ApiKeySecrets.newKey(random)));
    }
}
