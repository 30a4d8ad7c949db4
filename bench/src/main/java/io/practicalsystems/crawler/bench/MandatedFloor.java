package io.practicalsystems.crawler.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.sun.management.OperatingSystemMXBean;
import io.practicalsystems.crawler.application.store.PageDocument;
import io.practicalsystems.crawler.dedup.ContentFingerprint;
import io.practicalsystems.crawler.dedup.SimHash;
import io.practicalsystems.crawler.parse.Outlink;
import io.practicalsystems.crawler.parse.PageParser;
import io.practicalsystems.crawler.parse.ParsedPage;
import io.practicalsystems.platform.docstore.EmbeddedMongo;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntConsumer;
import org.bson.Document;

/**
 * The per-page work issue 15 mandates besides fetching and parsing, done alone on the benchmark web's bodies, for the
 * "mandated work" ceiling of bench/crawler-load.sh (fetch and parse come from {@link FetchFloor} and
 * {@link ParseFloor}):
 * <ul>
 *   <li>the content fingerprint: {@link ContentFingerprint#of} over the parsed text and the body, exactly what the
 *       pipeline's page step computes (and {@link SimHash#of} alone, to split it), CPU of the hashing threads;</li>
 *   <li>storing the page document: the same fields as the pipeline's {@code PageDocument} (its id from
 *       {@link PageDocument#idFor}), through the MongoDB driver into an embedded Mongo-wire store in this process
 *       ({@link EmbeddedMongo}, as the server runs it), in {@code insertMany} batches of {@value #BATCH} — cheaper than
 *       the pipeline's one insert per page through Jakarta NoSQL, so a bound for it. Its CPU is the whole process's
 *       (driver, the store's threads, GC) per page stored.</li>
 * </ul>
 * Each part runs {@code threads} threads for a warm-up (twice as long for the store), then {@code seconds}.
 * <pre>java -cp … io.practicalsystems.crawler.bench.MandatedFloor hosts pagesPerHost webPort threads warmUpS seconds dataDir</pre>
 * prints {@code fingerprint_cpu_ms}, {@code simhash_cpu_ms}, {@code store_cpu_ms} (per page) and
 * {@code stored} and {@code batch} as key=value lines.
 */
public final class MandatedFloor {

    static final int BATCH = 100;

    /** A body, its parse and its fingerprint, done once before the parts are timed. */
    private record Page(String url, byte[] body, ParsedPage parsed, ContentFingerprint fingerprint) {
    }

    private MandatedFloor() {
    }

    public static void main(String[] args) throws InterruptedException, IOException {
        if (args.length != 7) {
            System.err.println("usage: MandatedFloor hosts pagesPerHost webPort threads warmUpSeconds seconds dataDir");
            System.exit(2);
        }
        int hosts = Integer.parseInt(args[0]);
        int pagesPerHost = Integer.parseInt(args[1]);
        BenchSite site = new BenchSite(hosts, pagesPerHost, Integer.parseInt(args[2]));
        int threads = Integer.parseInt(args[3]);
        double warmUp = Double.parseDouble(args[4]);
        double seconds = Double.parseDouble(args[5]);
        PageParser parser = new PageParser();
        List<Page> pages = new ArrayList<>();
        for (int host = 0; host < hosts; host++) {
            for (int page = 0; page < pagesPerHost; page++) {
                byte[] body = site.body(host, page);
                ParsedPage parsed = parser.parse(body, "utf-8", site.url(host, page));
                pages.add(new Page(site.url(host, page), body, parsed, ContentFingerprint.of(parsed.text(), body)));
            }
        }
        IntConsumer fingerprint = i -> blackhole(ContentFingerprint.of(pages.get(i).parsed().text(),
                pages.get(i).body()).simHash());
        IntConsumer simHash = i -> blackhole(SimHash.of(pages.get(i).parsed().text()));
        threadCpu(pages.size(), threads, warmUp, fingerprint);
        double fingerprintMs = threadCpu(pages.size(), threads, seconds, fingerprint);
        double simHashMs = threadCpu(pages.size(), threads, seconds, simHash);
        try (EmbeddedMongo store = EmbeddedMongo.start(Path.of(args[6], "mandated.mv"), freePort());
             MongoClient client = MongoClients.create(store.connectionString())) {
            MongoCollection<Document> collection = client.getDatabase("mandated").getCollection(
                    PageDocument.COLLECTION);
            AtomicLong sequence = new AtomicLong();
            storeCpu(pages, collection, sequence, threads, 2 * warmUp); // the driver and the store have more to compile
            long before = sequence.get();
            double storeMs = storeCpu(pages, collection, sequence, threads, seconds);
            System.out.printf(Locale.ROOT, "fingerprint_cpu_ms=%.4f%nsimhash_cpu_ms=%.4f%nstore_cpu_ms=%.4f%n"
                    + "stored=%d%nbatch=%d%n", fingerprintMs, simHashMs, storeMs, sequence.get() - before, BATCH);
        }
    }

    /** Where the hashes go, so that the JIT cannot drop the work. */
    private static volatile long sink;

    private static void blackhole(long value) {
        sink ^= value;
    }

    /** CPU ms per item of {@code work(i)} over {@code items} on {@code threads} threads for {@code seconds}. */
    private static double threadCpu(int items, int threads, double seconds, IntConsumer work)
            throws InterruptedException {
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        LongAdder done = new LongAdder();
        LongAdder cpuNanos = new LongAdder();
        runFor(threads, seconds, (t, stop) -> {
            long cpuAtStart = cpu.getCurrentThreadCpuTime();
            for (int i = t * 7919; !stop.get(); i++) {
                work.accept(Math.floorMod(i, items));
                done.increment();
            }
            cpuNanos.add(cpu.getCurrentThreadCpuTime() - cpuAtStart);
        });
        return cpuNanos.sum() / 1e6 / Math.max(1, done.sum());
    }

    /** Process CPU ms per page stored, in batches, for {@code seconds}; every document a new id. */
    private static double storeCpu(List<Page> pages, MongoCollection<Document> collection, AtomicLong sequence,
                                   int threads, double seconds) throws InterruptedException {
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpuAtStart = os.getProcessCpuTime();
        long before = sequence.get();
        runFor(threads, seconds, (t, stop) -> {
            while (!stop.get()) {
                List<Document> batch = new ArrayList<>(BATCH);
                for (int b = 0; b < BATCH; b++) {
                    long n = sequence.getAndIncrement();
                    batch.add(document("c" + n / pages.size(), pages.get((int) (n % pages.size()))));
                }
                collection.insertMany(batch);
            }
        });
        return (os.getProcessCpuTime() - cpuAtStart) / 1e6 / Math.max(1, sequence.get() - before);
    }

    /** The fields of the pipeline's page document for a fetched page that duplicates nothing. */
    private static Document document(String crawlId, Page page) {
        ParsedPage parsed = page.parsed();
        ContentFingerprint fingerprint = page.fingerprint();
        return new Document("_id", PageDocument.idFor(crawlId, page.url())).append("crawlId", crawlId)
                .append("url", page.url()).append("status", 200).append("contentType", "text/html; charset=utf-8")
                .append("title", parsed.title()).append("description", parsed.description())
                .append("canonical", parsed.canonical()).append("language", parsed.language())
                .append("headings", parsed.headings()).append("outlinks", parsed.outlinks().size())
                .append("fetchedAt", System.currentTimeMillis()).append("depth", 1)
                .append("contentHash", fingerprint.sha256Hex()).append("simHash", fingerprint.simHash())
                .append("duplicateOf", null).append("truncated", false).append("errorKind", null)
                .append("links", parsed.outlinks().stream().map(Outlink::url).limit(200).toList());
    }

    private interface Worker {
        void run(int thread, AtomicBoolean stop);
    }

    private static void runFor(int threads, double seconds, Worker worker) throws InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            int thread = t;
            workers[t] = new Thread(() -> worker.run(thread, stop), "mandated-floor-" + t);
            workers[t].start();
        }
        Thread.sleep((long) (seconds * 1000));
        stop.set(true);
        for (Thread w : workers) {
            w.join();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
