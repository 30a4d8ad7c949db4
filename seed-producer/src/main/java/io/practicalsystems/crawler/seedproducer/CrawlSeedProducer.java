package io.practicalsystems.crawler.seedproducer;

import io.practicalsystems.feed.postproducer.FeedPostProducer;
import jakarta.annotation.Resource;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Queue;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Sends seeds for a crawl to a running server: {@code crawl-seed CRAWL_ID [URL ...]} (or URLs on standard input);
 * {@code crawl-seed post …} sends feed posts instead ({@link FeedPostProducer}, {@code bin/feed-post.sh}).
 * Runs in Liberty's application client container, whose client.xml ({@code seed-producer/src/main/liberty}) defines
 * the connection factory {@code jms/crawlSeedsCF} (the server's TLS messaging address) and the queue
 * {@code jms/crawlSeeds}; the container injects them into the static fields below before {@code main} runs. Signs in as {@code CRAWL_SEED_USER} (default {@code crawl-seeder}) with
 * {@code CRAWL_SEED_PASSWORD} from the environment, never from the command line (which other users can read).
 *
 * <p>Exit codes: 0 sent (the server checks each URL against the crawl afterwards and logs what it took), 2 bad
 * input, 3 refused by the messaging engine (user, password or permission), 4 the server could not be reached or the
 * send failed.
 */
public final class CrawlSeedProducer {

    static final int SENT = QueueSender.SENT;
    static final int USAGE = QueueSender.USAGE;
    static final int FAILED = QueueSender.FAILED;

    @Resource(lookup = "jms/crawlSeedsCF")
    private static ConnectionFactory factory;

    @Resource(lookup = "jms/crawlSeeds")
    private static Queue queue;

    /** The feed's post queue ({@code feed.posts}): the client container injects only into the main class. */
    @Resource(lookup = "jms/feedPosts")
    private static Queue feedPosts;

    private CrawlSeedProducer() {
    }

    public static void main(String[] args) {
        BufferedReader stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        if (args.length > 0 && args[0].equals(FeedPostProducer.COMMAND)) {
            System.exit(FeedPostProducer.run(Arrays.copyOfRange(args, 1, args.length), stdin, System.getenv(),
                    factory, feedPosts, System.out, System.err));
        }
        System.exit(run(args, stdin, System.getenv(), System.out, System.err));
    }

    static int run(String[] args, BufferedReader stdin, Map<String, String> env, PrintStream out, PrintStream err) {
        SeedMessages.Input input;
        try {
            input = SeedMessages.read(args, stdin);
        } catch (SeedMessages.UsageException | IOException e) {
            err.println("crawl-seed: " + e.getMessage());
            return USAGE;
        }
        String user = env.getOrDefault("CRAWL_SEED_USER", "crawl-seeder");
        String password = env.get("CRAWL_SEED_PASSWORD");
        if (password == null || password.isEmpty()) {
            err.println("crawl-seed: set CRAWL_SEED_PASSWORD to the password of " + user
                    + " (the server's PS_SEEDS_PASSWORD)");
            return USAGE;
        }
        if (input.skipped() > 0) {
            err.println("crawl-seed: left out " + input.skipped() + " URLs longer than "
                    + SeedMessages.MAX_URL_LENGTH + " characters");
        }
        List<String> messages = SeedMessages.messages(input);
        if (factory == null || queue == null) {
            err.println("crawl-seed: jms/crawlSeedsCF or jms/crawlSeeds was not injected: run it in Liberty's "
                    + "application client (bin/crawl-seed.sh), with seed-producer's client.xml");
            return FAILED;
        }
        int sent = QueueSender.send(factory, queue, "crawler.seeds", user, password, messages, "crawl-seed", err);
        if (sent != SENT) {
            return sent;
        }
        out.println("crawl-seed: sent " + input.urls().size() + " URLs for crawl " + input.crawlId() + " in "
                + messages.size() + (messages.size() == 1 ? " message" : " messages"));
        return SENT;
    }
}
