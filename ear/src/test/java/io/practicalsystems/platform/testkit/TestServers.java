package io.practicalsystems.platform.testkit;

import java.util.Map;
import java.util.UUID;

/**
 * Server presets shared by the integration tests: "real services" (a MariaDB and a Redis shared with the tests, see
 * {@link ItServices}: this machine's when they answer, as in CI, else embedded ones), "embedded defaults" (nothing
 * configured: Derby file, embedded redis-server and Mongo-wire server on ports of their own), and the
 * {@link #shared(String)} server. Admin credentials are random per test run, never the dev default.
 */
public final class TestServers {

    public static final String ADMIN_USER = "it-admin";
    public static final String ADMIN_PASSWORD = "it-" + UUID.randomUUID();
    /** The seed producer user of every "real services" server (PS_SEEDS_USER's default), and its password. */
    public static final String SEEDS_USER = "crawl-seeder";
    public static final String SEEDS_PASSWORD = "seeds-" + UUID.randomUUID();
    /** The feed post producer user of every "real services" server (PS_FEED_POSTS_USER's default), and its password. */
    public static final String FEED_POSTS_USER = "feed-poster";
    public static final String FEED_POSTS_PASSWORD = "posts-" + UUID.randomUUID();
    /** The application's own messaging user's password when the messaging engine takes remote connections. */
    public static final String MESSAGING_PASSWORD = "messaging-" + UUID.randomUUID();
    /** Creates per client on the shared server before 429 (one more every 10 s). */
    public static final int SHARED_CREATE_LIMIT = 40;
    /** Creates per client on the shared pair before 429 (one more every 100 s: none come back during a test). */
    public static final int SHARED_PAIR_CREATE_LIMIT = 12;
    /** Followers from which a feed author on the shared server is a celebrity (posts PULL). */
    public static final int FEED_CELEBRITY_FOLLOWERS = 5;
    /** The largest KV value the shared server accepts. */
    public static final int SHARED_KV_MAX_VALUE_BYTES = 1000;
    /** The most bytes one KV key may hold across its siblings on the shared server. */
    public static final int SHARED_KV_MAX_OBJECT_BYTES = 3000;

    private TestServers() {
    }

    /** The JDBC URL of the MariaDB database the "real services" servers and the tests share. */
    public static String mariadbUrl() {
        return ItServices.get().sql().url();
    }

    /** The Redis the "real services" servers and the tests share. */
    public static String redisUrl() {
        return ItServices.get().redis().url();
    }

    public static LibertyServerBuilder realServices(String name) {
        return realServicesWithoutAdmin(name)
                .env("ADMIN_USER", ADMIN_USER)
                .env("ADMIN_PASSWORD", ADMIN_PASSWORD);
    }

    /** As {@link #realServices} but with no ADMIN_USER/ADMIN_PASSWORD: the server generates its admin password. */
    public static LibertyServerBuilder realServicesWithoutAdmin(String name) {
        return LibertyServer.builder(name)
                .env("DB_KIND", "mariadb")
                .env("DB_URL", mariadbUrl())
                .env("DB_SCHEMA", System.getProperty("it.db.schema", "test"))
                .env("DB_USER", ItServices.get().sqlUser())
                .env("PS_REDIS_URL", redisUrl())
                // No MongoDB can run on this machine: the documents go to an embedded Mongo-wire server.
                .env("PS_EMBEDDED_MONGODB_PORT", FreePorts.next())
                // Every test signs up and logs in feed users of its own, all from 127.0.0.1, into one bucket per
                // policy in the shared Redis. Every server on it must give that bucket the same capacity: one with a
                // small capacity (the default 20) leaves it nearly empty with a short expiry, and a large-capacity
                // server touching it then keeps it so for hours (it expires only once full again), so later
                // sign-ups got 429 depending on the order classes ran in.
                .env("PS_RATELIMIT_FEED_SIGNUP_CAPACITY", "10000")
                .env("PS_RATELIMIT_FEED_LOGIN_CAPACITY", "10000");
    }

    /**
     * The settings of the server {@link SharedServer} hands out: "real services" plus what the classes that share it
     * need, each a setting no other sharing class minds. A class that needs a conflicting setting takes
     * {@link OwnServers}; one that needs a new harmless one adds it here.
     */
    public static LibertyServerBuilder shared(String name) {
        return realServices(name)
                // ShortenerIT: the click fault injection, a blocked domain, and a create limit that recovers.
                .env("PS_SHORTENER_FAULT_INJECTION_ENABLED", "true")
                .env("PS_SHORTENER_BLOCKED_DOMAINS", "blocked.test")
                .env("PS_RATELIMIT_CREATE_CAPACITY", SHARED_CREATE_LIMIT)
                .env("PS_RATELIMIT_CREATE_REFILL_PER_SECOND", "0.1")
                // KvSingleNodeIT: small value and per-key limits, so that "too large" is cheap to send.
                .env("PS_KV_MAX_VALUE_BYTES", SHARED_KV_MAX_VALUE_BYTES)
                .env("PS_KV_MAX_OBJECT_BYTES", SHARED_KV_MAX_OBJECT_BYTES)
                // The feed ITs send bad tokens, which count as failed sign-ins of 127.0.0.1 (AdminSurfaceIT tests
                // that throttle).
                .env("PS_LOGIN_MAX_FAILURES", "1000")
                // FeedIT: a celebrity at 5 followers, fanouts in batches of 2 feeds of which the publish listener
                // pushes one and queues the rest as messages (both paths run), the fanout fault hook.
                .env("PS_FEED_CELEBRITY_FOLLOWERS", FEED_CELEBRITY_FOLLOWERS)
                .env("PS_FEED_FANOUT_BATCH_SIZE", "2")
                .env("PS_FEED_FANOUT_INLINE_BATCHES", "1")
                .env("PS_FEED_FAULT_INJECTION_ENABLED", "true")
                // The console's IDs scenario (BrowserE2eIT): the clock step-back experiment, undone at its end.
                .env("PS_IDGEN_FAULT_INJECTION_ENABLED", "true")
                // CrawlSeedProducerIT: the messaging engine's TLS endpoint and messaging security, so that a producer
                // in another process can send seeds (every in-process connection then signs in too).
                .env(remoteMessaging());
    }

    /**
     * The settings of each server of the pair {@link SharedPair} hands out: "real services", the document store at
     * {@code documents} (the same for both), and what the classes that share the pair need.
     */
    public static LibertyServerBuilder sharedPair(String name, String documents) {
        return realServices(name)
                .env("PS_MONGODB_URL", documents)
                // ShortenerTwoServersIT: a create limit that does not refill while the test runs.
                .env("PS_RATELIMIT_CREATE_CAPACITY", SHARED_PAIR_CREATE_LIMIT)
                .env("PS_RATELIMIT_CREATE_REFILL_PER_SECOND", "0.01");
    }

    /** Opens the messaging engine to other processes (TLS, a free port) with messaging security on. */
    public static Map<String, String> remoteMessaging() {
        return Map.of(
                "PS_MESSAGING_REMOTE", "on",
                "PS_MESSAGING_REMOTE_PORT", Integer.toString(FreePorts.next()),
                "PS_MESSAGING_PASSWORD", MESSAGING_PASSWORD,
                "PS_SEEDS_PASSWORD", SEEDS_PASSWORD,
                "PS_FEED_POSTS_PASSWORD", FEED_POSTS_PASSWORD);
    }

    public static LibertyServerBuilder embeddedDefaults(String name) {
        return LibertyServer.builder(name)
                .env("PS_EMBEDDED_REDIS_PORT", FreePorts.next())
                .env("PS_EMBEDDED_MONGODB_PORT", FreePorts.next())
                .env("ADMIN_USER", ADMIN_USER)
                .env("ADMIN_PASSWORD", ADMIN_PASSWORD);
    }

    public static Http.BasicAuth admin() {
        return Http.basicAuth(ADMIN_USER, ADMIN_PASSWORD);
    }
}
