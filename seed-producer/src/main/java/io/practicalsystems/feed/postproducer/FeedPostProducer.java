package io.practicalsystems.feed.postproducer;

import io.practicalsystems.crawler.seedproducer.QueueSender;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Queue;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Sends feed posts to a running server: {@code crawl-seed post [--reply-to POST_ID] [TEXT ...]} in the seed
 * producer's application client ({@code bin/feed-post.sh} logs in and runs it). Two credentials, both from the
 * environment only, never the command line (which other users can read): the messaging user
 * {@code FEED_POST_USER} (default {@code feed-poster}) / {@code FEED_POST_PASSWORD}, which may only send to
 * {@code feed.posts}; and the author's feed token {@code FEED_TOKEN}, which the server checks on every message and
 * posts as. {@code FEED_POST_RUN_ID} (optional; a new one each run otherwise) names the run in the messages' ids: a
 * run repeated under the same id posts nothing twice.
 *
 * <p>Exit codes as {@link QueueSender}: 0 sent (the server then checks each post and logs what it posted or
 * dropped), 2 bad input, 3 refused by the messaging engine, 4 could not send.
 */
public final class FeedPostProducer {

    public static final String COMMAND = "post";
    private static final String PROGRAM = "feed-post";

    private FeedPostProducer() {
    }

    public static int run(String[] args, BufferedReader stdin, Map<String, String> env, ConnectionFactory factory,
            Queue queue, PrintStream out, PrintStream err) {
        FeedPostMessages.Input input;
        try {
            input = FeedPostMessages.read(args, stdin);
        } catch (FeedPostMessages.UsageException | IOException e) {
            err.println(PROGRAM + ": " + e.getMessage());
            return QueueSender.USAGE;
        }
        String token = env.get("FEED_TOKEN");
        String user = env.getOrDefault("FEED_POST_USER", "feed-poster");
        String password = env.get("FEED_POST_PASSWORD");
        String runId = env.getOrDefault("FEED_POST_RUN_ID", UUID.randomUUID().toString());
        if (token == null || token.isBlank()) {
            err.println(PROGRAM + ": set FEED_TOKEN to the author's token (POST /api/feed/sessions; bin/feed-post.sh "
                    + "logs in for you)");
            return QueueSender.USAGE;
        }
        if (password == null || password.isEmpty()) {
            err.println(PROGRAM + ": set FEED_POST_PASSWORD to the password of " + user
                    + " (the server's PS_FEED_POSTS_PASSWORD)");
            return QueueSender.USAGE;
        }
        if (!FeedPostMessages.validRunId(runId)) {
            err.println(PROGRAM + ": FEED_POST_RUN_ID must be 1-60 letters, digits or . _ -");
            return QueueSender.USAGE;
        }
        if (factory == null || queue == null) {
            err.println(PROGRAM + ": jms/crawlSeedsCF or jms/feedPosts was not injected: run it in Liberty's "
                    + "application client (bin/feed-post.sh), with seed-producer's client.xml");
            return QueueSender.FAILED;
        }
        List<String> messages = FeedPostMessages.messages(input, token.strip(), runId);
        int sent = QueueSender.send(factory, queue, "feed.posts", user, password, messages, PROGRAM, err);
        if (sent == QueueSender.SENT) {
            out.println(PROGRAM + ": sent " + messages.size() + (messages.size() == 1 ? " post" : " posts")
                    + " (run " + runId + ")");
        }
        return sent;
    }
}
