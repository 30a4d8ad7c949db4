package io.practicalsystems.crawler;

import io.practicalsystems.platform.testkit.LibertyInstallation;
import io.practicalsystems.platform.testkit.LibertyServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * The seed producer as a user runs it: Liberty's {@code bin/client run crawl-seed -- CRAWL_ID URL…} (or
 * {@code -- post TEXT…}, the feed post producer), a JVM of its
 * own, with the client configuration and EAR of the seed-producer module and a truststore holding only the
 * certificate of the server it talks to (exported from that server's generated keystore). Each run gets its own
 * user directory, so runs may overlap.
 */
public final class SeedProducerClient {

    /** What one run did: its exit code and everything it printed (the client's own messages included). */
    public record Run(int exitCode, String output) {
    }

    private static final AtomicInteger RUNS = new AtomicInteger();

    private final Path clientScript;
    private final Path base;
    private final String server;
    private final Path truststore;
    private final String truststorePassword = "trust-" + UUID.randomUUID();

    private SeedProducerClient(Path clientScript, Path base, String server, Path truststore) {
        this.clientScript = clientScript;
        this.base = base;
        this.server = server;
        this.truststore = truststore;
    }

    /** A client for {@code server}'s TLS messaging endpoint (its PS_MESSAGING_REMOTE_PORT), under the IT work dir. */
    public static SeedProducerClient of(LibertyServer server) {
        return of(server, "crawl-seed-client");
    }

    /** As {@link #of(LibertyServer)}, its runs under a work directory {@code name} of their own. */
    public static SeedProducerClient of(LibertyServer server, String name) {
        LibertyInstallation installation = LibertyInstallation.fromSystemProperties();
        Path base = installation.workDir().resolve(name);
        try {
            deleteTree(base);
            Files.createDirectories(base);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot set up the seed producer client under " + base, e);
        }
        String port = server.env().get("PS_MESSAGING_REMOTE_PORT");
        if (port == null) {
            throw new IllegalStateException(server.name() + " has no PS_MESSAGING_REMOTE_PORT: its messaging engine "
                    + "takes no remote connections");
        }
        SeedProducerClient client = new SeedProducerClient(installation.installDir().resolve("bin/client"), base,
                "localhost:" + port, base.resolve("trust.p12"));
        client.trustCertificateOf(server);
        return client;
    }

    /** Sends {@code urls} for {@code crawlId} as {@code user}; waits for the client JVM to end. */
    Run send(String user, String password, String crawlId, List<String> urls) {
        List<String> args = new ArrayList<>(List.of(crawlId));
        args.addAll(urls);
        return run(args, Map.of("CRAWL_SEED_USER", user, "CRAWL_SEED_PASSWORD", password));
    }

    /** Runs the client with {@code args} and {@code settings} (environment variables); waits for its JVM to end. */
    public Run run(List<String> args, Map<String, String> settings) {
        int n = RUNS.incrementAndGet();
        // A client's lock lives in its user dir: each run gets one of its own, so that runs may overlap.
        Path userDir = base.resolve("run-" + n);
        Path config = userDir.resolve("clients/crawl-seed");
        try {
            Files.createDirectories(config.resolve("apps"));
            Files.copy(Path.of(System.getProperty("crawl.seed.client.xml")), config.resolve("client.xml"));
            Files.copy(Path.of(System.getProperty("crawl.seed.ear")), config.resolve("apps/crawl-seed.ear"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot set up the seed producer client under " + userDir, e);
        }
        List<String> command = new ArrayList<>(List.of(clientScript.toString(), "run", "crawl-seed", "--"));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(base.resolve("run-" + n + ".out").toFile());
        Map<String, String> env = builder.environment();
        env.put("WLP_USER_DIR", userDir.toString());
        env.put("CRAWL_SEED_SERVER", server);
        env.put("CRAWL_SEED_TRUSTSTORE", truststore.toString());
        env.put("CRAWL_SEED_TRUSTSTORE_PASSWORD", truststorePassword);
        env.putAll(settings);
        try {
            Process process = builder.start();
            if (!process.waitFor(300, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new IllegalStateException("the seed producer did not end within 300 s: "
                        + Files.readString(base.resolve("run-" + n + ".out")));
            }
            return new Run(process.exitValue(), Files.readString(base.resolve("run-" + n + ".out")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the seed producer ran", e);
        }
    }

    /** The server's generated keystore (password in its server.env) holds its certificate under "default". */
    private void trustCertificateOf(LibertyServer server) {
        Path serverEnv = server.userDir().resolve("servers").resolve(server.name()).resolve("server.env");
        Path keystore = server.serverOutputDir().resolve("resources/security/key.p12");
        try (InputStream in = Files.newInputStream(keystore); OutputStream out = Files.newOutputStream(truststore)) {
            String password = Files.readAllLines(serverEnv, StandardCharsets.UTF_8).stream()
                    .filter(line -> line.startsWith("keystore_password="))
                    .map(line -> line.substring("keystore_password=".length())).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no keystore_password in " + serverEnv));
            KeyStore serverKeys = KeyStore.getInstance("PKCS12");
            serverKeys.load(in, password.toCharArray());
            Certificate certificate = serverKeys.getCertificate("default");
            if (certificate == null) {
                throw new IllegalStateException("no certificate 'default' in " + keystore);
            }
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("server", certificate);
            trust.store(out, truststorePassword.toCharArray());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot export the certificate of " + server.name(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot export the certificate of " + server.name(), e);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(path);
            }
        }
    }
}
