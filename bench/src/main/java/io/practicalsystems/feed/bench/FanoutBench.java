package io.practicalsystems.feed.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;

/**
 * The fanout benchmark's three steps (bench/feed-load.sh), each a command:
 * <ul>
 *   <li>{@code seed MONGO_URL DB REDIS_URL PREFIX AUTHOR_ID N} — N follow edges onto the author, written as the
 *       feed's own follow documents (collection {@code feed_follows}), and each follower marked as a recent reader
 *       (the fanout pushes to active followers only). The author's cached follower set is dropped, so the server
 *       loads it from the documents like after a flush. Followers are synthetic IDs 1,000,001..: they never sign in,
 *       and the fanout only needs their IDs.</li>
 *   <li>{@code floor REDIS_URL N BATCH} — Redis's own rate for the same writes: one ZADD per feed into N sorted
 *       sets, pipelined BATCH at a time (the fanout's batch size), on keys of its own that it deletes after.</li>
 *   <li>{@code await REDIS_URL PREFIX N READY_FILE TIMEOUT_S} — started before the post is sent: connects to Redis,
 *       checks every feed three times for a post that is not there (JIT warm-up), subscribes to the feed's live
 *       channel ({@link AnnouncedFeeds}), creates READY_FILE, then reads one line {@code POST_ID SINCE_MS} from
 *       standard input. The fanout's time is from SINCE_MS (when the post was sent) to the announcement that named
 *       the last follower — each batch's announcement is published by the script call that added the post, after
 *       its adds; then every feed is checked with ZSCORE, and a feed without the post fails the run. Started
 *       ahead, so this JVM's start (seconds on a loaded machine) is not counted as fanout time.</li>
 * </ul>
 */
public final class FanoutBench {

    static final long FIRST_FOLLOWER = 1_000_001L;

    /** How long the announcements may take to name every follower before the wait falls back to polling. */
    static final long ANNOUNCEMENT_WAIT_MS = 120_000;

    private FanoutBench() {
    }

    public static void main(String[] args) throws InterruptedException, IOException {
        switch (args[0]) {
            case "seed" -> seed(args[1], args[2], args[3], args[4], Long.parseLong(args[5]), Integer.parseInt(args[6]));
            case "floor" -> floor(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            case "await" -> await(args[1], args[2], Integer.parseInt(args[3]), Path.of(args[4]),
                    Integer.parseInt(args[5]));
            default -> throw new IllegalArgumentException("unknown command " + args[0]);
        }
    }

    static void seed(String mongoUrl, String db, String redisUrl, String prefix, long authorId, int n) {
        long now = System.currentTimeMillis();
        try (MongoClient client = MongoClients.create(mongoUrl); RedisClient redis = RedisClient.builder().fromURI(redisUrl).build()) {
            MongoCollection<Document> follows = client.getDatabase(db).getCollection("feed_follows");
            follows.deleteMany(Filters.eq("followeeId", authorId));
            List<Document> chunk = new ArrayList<>(5_000);
            for (int i = 0; i < n; i++) {
                long follower = FIRST_FOLLOWER + i;
                chunk.add(new Document("_id", follower + ":" + authorId).append("followerId", follower)
                        .append("followeeId", authorId).append("createdAt", now));
                if (chunk.size() == 5_000 || i == n - 1) {
                    follows.insertMany(chunk);
                    chunk.clear();
                }
            }
            try (Pipeline pipe = redis.pipelined()) {
                for (int i = 0; i < n; i++) {
                    pipe.psetex(prefix + "active:" + (FIRST_FOLLOWER + i), 3_600_000L, Long.toString(now));
                }
                pipe.del(prefix + "followers:" + authorId);
                pipe.del(prefix + "counts:user:" + authorId);
                pipe.sync();
            }
            System.out.printf("seeded %d followers of %d in %.1f s%n", n, authorId,
                    (System.currentTimeMillis() - now) / 1000.0);
        }
    }

    static void floor(String redisUrl, int n, int batch) {
        try (RedisClient redis = RedisClient.builder().fromURI(redisUrl).build()) {
            long started = System.nanoTime();
            for (int from = 0; from < n; from += batch) {
                try (Pipeline pipe = redis.pipelined()) {
                    for (int i = from; i < Math.min(n, from + batch); i++) {
                        pipe.zadd("bench:floor:home:" + i, 42, "42");
                    }
                    pipe.sync();
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            for (int from = 0; from < n; from += batch) {
                try (Pipeline pipe = redis.pipelined()) {
                    for (int i = from; i < Math.min(n, from + batch); i++) {
                        pipe.del("bench:floor:home:" + i);
                    }
                    pipe.sync();
                }
            }
            System.out.printf("floor %d pipelined ZADDs (batches of %d) in %.3f s = %.0f inserts/s%n", n, batch,
                    seconds, n / seconds);
        }
    }

    static void await(String redisUrl, String prefix, int n, Path readyFile, int timeoutSeconds)
            throws InterruptedException, IOException {
        List<Long> missing = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            missing.add(FIRST_FOLLOWER + i);
        }
        long sinceMillis;
        long doneMillis;
        String how;
        try (RedisClient redis = RedisClient.builder().fromURI(redisUrl).build()) {
            redis.ping();
            for (int pass = 0; pass < 3; pass++) { // JIT-compiles the checking path before the post
                stillMissing(redis, prefix, "warm-up", missing, false);
            }
            AnnouncedFeeds announcements = AnnouncedFeeds.watch(redis, prefix + "live", FIRST_FOLLOWER, n);
            Files.createFile(readyFile);
            String[] sent = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine()
                    .trim().split(" ");
            String postId = sent[0];
            sinceMillis = Long.parseLong(sent[1]);
            announcements.expect(postId);
            long deadline = System.currentTimeMillis() + timeoutSeconds * 1000L;
            doneMillis = announcements.awaitComplete(Math.min(ANNOUNCEMENT_WAIT_MS, timeoutSeconds * 1000L));
            how = "the last announcement naming a follower; then every feed checked";
            if (doneMillis < 0) {
                how = "polled: the announcements did not name every follower within "
                        + ANNOUNCEMENT_WAIT_MS / 1000 + " s";
            }
            // Whatever the announcements said, every feed must hold the post: checked, not assumed.
            while (!missing.isEmpty() && System.currentTimeMillis() < deadline) {
                missing = stillMissing(redis, prefix, postId, missing, true);
                if (!missing.isEmpty()) {
                    Thread.sleep(20);
                }
            }
            if (doneMillis < 0) {
                doneMillis = System.currentTimeMillis();
            }
        }
        double seconds = (doneMillis - sinceMillis) / 1000.0;
        if (!missing.isEmpty()) {
            System.out.printf("fanout INCOMPLETE after %.1f s: %d of %d feeds lack the post%n",
                    (System.currentTimeMillis() - sinceMillis) / 1000.0, missing.size(), n);
            System.exit(2);
        }
        System.out.printf("fanout %d feeds in %.3f s = %.0f inserts/s (%s: all hold the post)%n", n, seconds,
                n / seconds, how);
    }

    private static List<Long> stillMissing(RedisClient redis, String prefix, String postId, List<Long> missing,
                                           boolean stopAtEmptyChunk) {
        List<Long> left = new ArrayList<>();
        int chunk = 2_000;
        for (int from = 0; from < missing.size(); from += chunk) {
            List<Long> ids = missing.subList(from, Math.min(missing.size(), from + chunk));
            List<Response<Double>> scores = new ArrayList<>(ids.size());
            try (Pipeline pipe = redis.pipelined()) {
                for (long id : ids) {
                    scores.add(pipe.zscore(prefix + "home:" + id, postId));
                }
                pipe.sync();
            }
            int found = 0;
            for (int i = 0; i < ids.size(); i++) {
                if (scores.get(i).get() == null) {
                    left.add(ids.get(i));
                } else {
                    found++;
                }
            }
            if (found == 0 && stopAtEmptyChunk) {
                left.addAll(missing.subList(from + ids.size(), missing.size()));
                break;
            }
        }
        return left;
    }
}
