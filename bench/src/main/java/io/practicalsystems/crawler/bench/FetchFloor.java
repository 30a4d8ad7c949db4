package io.practicalsystems.crawler.bench;

import io.practicalsystems.crawler.testweb.ScenarioWeb;
import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * The second floor of the unbounded-pipeline benchmark, for what any crawler can do on this machine: the JDK
 * HttpClient alone fetching the benchmark web's pages (the same {@link BenchSite} URLs, each host at its own
 * loopback address), on {@code threads} threads each sending one request at a time (the fetch MDB's concurrency),
 * bodies read and dropped — no robots, no parse, no Redis, no store. Run as its own process, as a crawler's server
 * is, against the running {@link BenchWeb}:
 * <pre>java -cp … io.practicalsystems.crawler.bench.FetchFloor hosts pagesPerHost webPort threads warmUpS seconds</pre>
 * prints {@code fetch_threads}, {@code fetch_seconds}, {@code fetched}, {@code fetch_errors}, {@code fetch_rate}
 * (pages/s), {@code fetch_cpu_ms} (this process's CPU time per page fetched) and {@code fetched_total} (the warm-up's
 * pages too, for the script to share out the web's CPU time) as key=value lines. A warm-up first (JIT, connections).
 */
public final class FetchFloor {

    private record Target(URI uri, String host) {
    }

    private FetchFloor() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length != 6) {
            System.err.println("usage: FetchFloor hosts pagesPerHost webPort threads warmUpSeconds seconds");
            System.exit(2);
        }
        // the pages are named by host (h<i>.bench.test), which only the benchmark's DNS server knows: connect to
        // each host's address and name it in the Host header, as a crawler resolving through that server would
        System.setProperty("jdk.httpclient.allowRestrictedHeaders", "host");
        int hosts = Integer.parseInt(args[0]);
        int pagesPerHost = Integer.parseInt(args[1]);
        int port = Integer.parseInt(args[2]);
        int threads = Integer.parseInt(args[3]);
        BenchSite site = new BenchSite(hosts, pagesPerHost, port);
        List<Target> targets = new ArrayList<>();
        for (int page = 0; page < pagesPerHost; page++) { // host by host in turn, as an unbounded crawl goes
            for (int host = 0; host < hosts; host++) {
                targets.add(new Target(URI.create("http://" + ScenarioWeb.address(host) + ":" + port
                        + BenchSite.path(page)), BenchSite.host(host) + ":" + port));
            }
        }
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        long warmUp = run(client, targets, threads, Double.parseDouble(args[4]), new LongAdder());
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        LongAdder errors = new LongAdder();
        long cpuAtStart = os.getProcessCpuTime();
        long started = System.nanoTime();
        long fetched = run(client, targets, threads, Double.parseDouble(args[5]), errors);
        double elapsed = (System.nanoTime() - started) / 1e9;
        double cpuMs = (os.getProcessCpuTime() - cpuAtStart) / 1e6;
        System.out.printf(Locale.ROOT, "fetch_threads=%d%nfetch_seconds=%.2f%nfetched=%d%nfetch_errors=%d%n"
                        + "fetch_rate=%.1f%nfetch_cpu_ms=%.4f%nfetched_total=%d%n", threads, elapsed, fetched,
                errors.sum(), fetched / elapsed, cpuMs / Math.max(1, fetched), warmUp + fetched);
    }

    private static long run(HttpClient client, List<Target> targets, int threads, double seconds, LongAdder errors)
            throws InterruptedException {
        LongAdder fetched = new LongAdder();
        AtomicBoolean stop = new AtomicBoolean();
        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            int offset = t * 7919;
            workers[t] = new Thread(() -> {
                for (int i = offset; !stop.get(); i++) {
                    Target target = targets.get(Math.floorMod(i, targets.size()));
                    HttpRequest request = HttpRequest.newBuilder(target.uri()).header("Host", target.host())
                            .timeout(Duration.ofSeconds(15)).GET().build();
                    try {
                        HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        if (response.statusCode() == 200 && response.body().length > 0) {
                            fetched.increment();
                        } else {
                            errors.increment();
                        }
                    } catch (java.io.IOException e) {
                        errors.increment();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }, "fetch-floor-" + t);
            workers[t].start();
        }
        Thread.sleep((long) (seconds * 1000));
        stop.set(true);
        for (Thread worker : workers) {
            worker.join();
        }
        return fetched.sum();
    }
}
