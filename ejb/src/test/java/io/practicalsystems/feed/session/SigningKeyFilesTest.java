package io.practicalsystems.feed.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeyFilesTest {

    @TempDir
    Path dir;

    @Test
    void theFirstStartGeneratesAPairTheOwnerAloneCanReadAndLaterStartsKeepIt() throws Exception {
        SigningKeyFiles files = new SigningKeyFiles(dir.resolve("jwt/private-key.pem"), dir.resolve("jwt/public-key.pem"));
        assertThat(files.exists()).isFalse();

        KeyPair first = files.loadOrCreate();

        assertThat(files.exists()).isTrue();
        assertThat(((RSAPublicKey) first.getPublic()).getModulus().bitLength()).isEqualTo(2048);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(files.privateKeyFile())))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("jwt"))))
                .isEqualTo("rwx------");
        assertThat(Files.readString(files.privateKeyFile())).startsWith("-----BEGIN PRIVATE KEY-----\n");
        assertThat(Files.readString(files.publicKeyFile())).startsWith("-----BEGIN PUBLIC KEY-----\n");
        try (var left = Files.list(dir.resolve("jwt"))) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("private-key.pem",
                    "public-key.pem");
        }

        KeyPair again = new SigningKeyFiles(files.privateKeyFile(), files.publicKeyFile()).loadOrCreate();

        assertThat(again.getPrivate()).isEqualTo(first.getPrivate());
        assertThat(again.getPublic()).isEqualTo(first.getPublic());
    }

    @Test
    void aLostPublicKeyIsWrittenAgainFromThePrivateKey() throws Exception {
        SigningKeyFiles files = new SigningKeyFiles(dir.resolve("private.pem"), dir.resolve("public.pem"));
        KeyPair first = files.loadOrCreate();
        Files.delete(files.publicKeyFile());

        assertThat(files.loadOrCreate().getPublic()).isEqualTo(first.getPublic());
        assertThat(PemKeys.readPublicKey(Files.readString(files.publicKeyFile()))).isEqualTo(first.getPublic());
    }

    @Test
    void aConfiguredPairIsUsedAsItIs() throws Exception {
        KeyPair own = rsa(3072);
        Files.writeString(dir.resolve("own.key"), PemKeys.privateKeyPem((RSAPrivateCrtKey) own.getPrivate()));
        Files.writeString(dir.resolve("own.pub"), PemKeys.publicKeyPem((RSAPublicKey) own.getPublic()));

        KeyPair loaded = new SigningKeyFiles(dir.resolve("own.key"), dir.resolve("own.pub")).loadOrCreate();

        assertThat(loaded.getPublic()).isEqualTo(own.getPublic());
        assertThat(loaded.getPrivate()).isEqualTo(own.getPrivate());
    }

    @Test
    void aPublicKeyOfAnotherPairIsRefusedAtStart() throws Exception {
        SigningKeyFiles files = new SigningKeyFiles(dir.resolve("private.pem"), dir.resolve("public.pem"));
        files.loadOrCreate();
        Files.writeString(files.publicKeyFile(), PemKeys.publicKeyPem((RSAPublicKey) rsa(2048).getPublic()));

        assertThatThrownBy(files::loadOrCreate).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is not the public key of");
    }

    @Test
    void filesThatHoldNoKeyOrAWeakOneAreRefused() throws Exception {
        Files.writeString(dir.resolve("garbage.pem"), "-----BEGIN PRIVATE KEY-----\nbm90IGEga2V5\n-----END PRIVATE KEY-----\n");
        assertThatThrownBy(() -> new SigningKeyFiles(dir.resolve("garbage.pem"), dir.resolve("p.pem")).loadOrCreate())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("holds no usable key");

        Files.writeString(dir.resolve("weak.pem"), PemKeys.privateKeyPem((RSAPrivateCrtKey) rsa(1024).getPrivate()));
        assertThatThrownBy(() -> new SigningKeyFiles(dir.resolve("weak.pem"), dir.resolve("w.pem")).loadOrCreate())
                .hasMessageContaining("1024-bit");
    }

    /** Several servers starting at once on the same paths: one generated key is kept, every one of them uses it. */
    @Test
    void serversStartingTogetherOnOnePairOfPathsAllEndUpWithTheSamePair() throws Exception {
        Path privateKey = dir.resolve("shared/private.pem");
        Path publicKey = dir.resolve("shared/public.pem");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<KeyPair>> starts = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Callable<KeyPair> start = () -> new SigningKeyFiles(privateKey, publicKey).loadOrCreate();
                starts.add(pool.submit(start));
            }
            KeyPair kept = new SigningKeyFiles(privateKey, publicKey).loadOrCreate();
            for (Future<KeyPair> start : starts) {
                assertThat(start.get().getPrivate()).isEqualTo(kept.getPrivate());
                assertThat(start.get().getPublic()).isEqualTo(kept.getPublic());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static KeyPair rsa(int bits) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(bits);
        return generator.generateKeyPair();
    }
}
