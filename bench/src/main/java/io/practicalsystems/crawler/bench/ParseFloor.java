package io.practicalsystems.crawler.bench;

import io.practicalsystems.crawler.parse.PageParser;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * The floor of the unbounded-pipeline benchmark: the project's {@link PageParser} (jsoup) parsing the benchmark
 * web's bodies alone, on {@code threads} threads, nothing else — the most pages per second this machine could
 * handle if parsing were all a crawler did. A warm-up first, so the JIT has compiled the parser (the server's
 * parser is warm by then too: the politeness crawl ran first). Besides pages per second it reports the CPU time the
 * parsing threads used per page ({@code parse_cpu_ms}), which depends far less on the machine's load than the rate.
 */
final class ParseFloor {

    record Body(String url, byte[] bytes) {
    }

    private ParseFloor() {
    }

    static String measure(List<Body> bodies, int threads, double warmUpSeconds, double seconds)
            throws InterruptedException {
        run(bodies, threads, warmUpSeconds, new LongAdder());
        LongAdder cpuNanos = new LongAdder();
        long started = System.nanoTime();
        long parsed = run(bodies, threads, seconds, cpuNanos);
        double elapsed = (System.nanoTime() - started) / 1e9;
        return String.format(Locale.ROOT, "parse_threads=%d%nparse_seconds=%.2f%nparsed=%d%nparse_rate=%.1f%n"
                + "parse_cpu_ms=%.4f%n", threads, elapsed, parsed, parsed / elapsed, cpuNanos.sum() / 1e6 / parsed);
    }

    private static long run(List<Body> bodies, int threads, double seconds, LongAdder cpuNanos)
            throws InterruptedException {
        PageParser parser = new PageParser();
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        LongAdder parsed = new LongAdder();
        AtomicBoolean stop = new AtomicBoolean();
        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            int offset = t * 7919;
            workers[t] = new Thread(() -> {
                long cpuAtStart = cpu.getCurrentThreadCpuTime();
                for (int i = offset; !stop.get(); i++) {
                    Body body = bodies.get(Math.floorMod(i, bodies.size()));
                    if (parser.parse(body.bytes(), "utf-8", body.url()).outlinks().isEmpty()) {
                        throw new IllegalStateException("a benchmark page without links: " + body.url());
                    }
                    parsed.increment();
                }
                cpuNanos.add(cpu.getCurrentThreadCpuTime() - cpuAtStart);
            }, "parse-floor-" + t);
            workers[t].start();
        }
        Thread.sleep((long) (seconds * 1000));
        stop.set(true);
        for (Thread worker : workers) {
            worker.join();
        }
        return parsed.sum();
    }
}
