package io.practicalsystems.crawler.frontier;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.LongSupplier;

/**
 * The reference {@link Frontier}, in one JVM's memory, on a clock the caller supplies: what unit tests and
 * scheduling simulations run against (a {@code ManualClock} makes time move only when the test says so).
 * {@code RedisFrontier} does the same in Redis; the two pass one contract test. Every method is synchronized.
 *
 * <p>One difference: this frontier considers every due host in a claim, the Redis one only the few hosts per
 * claimed URL that have been due longest.
 */
public final class InMemoryFrontier implements Frontier {

    /** Expired leases reclaimed per claim at most, as in Redis. */
    static final int RECLAIM_LIMIT = 100;

    private final LongSupplier clock;
    private final Map<String, Crawl> crawls = new HashMap<>();

    /** @param clock milliseconds since the epoch, e.g. {@code System::currentTimeMillis} */
    public InMemoryFrontier(LongSupplier clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public synchronized OfferResult offer(String crawlId, Collection<FrontierUrl> urls, FrontierLimits limits) {
        Objects.requireNonNull(limits, "limits");
        Crawl crawl = crawls.computeIfAbsent(FrontierArgs.crawlId(crawlId), id -> new Crawl());
        int admitted = 0;
        int seen = 0;
        int depth = 0;
        int hostLimit = 0;
        int variants = 0;
        for (FrontierUrl url : urls) {
            Host host = crawl.hosts.get(url.hostKey());
            if (crawl.seen.contains(url.url())) {
                seen++;
            } else if (url.depth() > limits.maxDepth()) {
                depth++;
            } else if (host != null && host.admitted >= limits.maxPagesPerHost()) {
                hostLimit++;
            } else if (url.pathKey() != null
                    && crawl.pathVariants.getOrDefault(url.pathKey(), 0) >= limits.maxQueryVariantsPerPath()) {
                variants++;
            } else {
                crawl.seen.add(url.url());
                if (url.pathKey() != null) {
                    crawl.pathVariants.merge(url.pathKey(), 1, Integer::sum);
                }
                host = crawl.hosts.computeIfAbsent(url.hostKey(), Host::new);
                host.admitted++;
                host.queue.add(new Entry(crawl.sequence++, url.priority(), 0, url.depth(), url.kind(), url.url()));
                crawl.queued++;
                admitted++;
            }
        }
        return new OfferResult(admitted, seen, depth, hostLimit, variants);
    }

    @Override
    public synchronized List<Claim> claim(String crawlId, String workerId, int maxClaims, long leaseMs,
                                          FrontierLimits limits, long aheadMs) {
        FrontierArgs.claimArgs(workerId, maxClaims, leaseMs, aheadMs);
        Objects.requireNonNull(limits, "limits");
        Crawl crawl = crawls.get(FrontierArgs.crawlId(crawlId));
        if (crawl == null) {
            return List.of();
        }
        long now = clock.getAsLong();
        reclaimExpired(crawl, now);
        long budget = limits.maxPages() - crawl.fetched - crawl.inFlight.size();
        List<Host> due = new ArrayList<>();
        for (Host host : crawl.hosts.values()) {
            if (host.leaseToken == null && !host.queue.isEmpty() && host.nextFetchAt <= now + aheadMs) {
                due.add(host);
            }
        }
        due.sort(Comparator.<Host>comparingInt(h -> h.queue.first().priority())
                .thenComparingLong(h -> h.nextFetchAt).thenComparing(h -> h.key));
        List<Claim> claims = new ArrayList<>();
        for (Host host : due) {
            if (claims.size() >= maxClaims || budget <= 0) {
                break;
            }
            if (host.fetched >= limits.maxPagesPerHost()) {
                // the host's limit was lowered after its URLs were admitted: the rest will never be fetched
                crawl.skipped += host.queue.size();
                crawl.queued -= host.queue.size();
                host.queue.clear();
                continue;
            }
            Entry entry = host.queue.pollFirst();
            crawl.queued--;
            budget--;
            String token = Long.toString(++crawl.tokens);
            host.leaseToken = token;
            host.leasedBy = workerId;
            host.leaseExpiresAt = now + leaseMs;
            crawl.inFlight.put(token, new InFlight(entry, host, host.leaseExpiresAt));
            claims.add(new Claim(entry.url(), host.key, entry.depth(), entry.kind(), entry.attempt(),
                    host.consecutiveErrors, token, workerId, host.leaseExpiresAt,
                    Math.max(0, host.nextFetchAt - now)));
        }
        return claims;
    }

    private static void reclaimExpired(Crawl crawl, long now) {
        List<Map.Entry<String, InFlight>> expired = crawl.inFlight.entrySet().stream()
                .filter(e -> e.getValue().leaseExpiresAt() <= now)
                .sorted(Comparator.comparingLong(e -> e.getValue().leaseExpiresAt()))
                .limit(RECLAIM_LIMIT).toList();
        for (Map.Entry<String, InFlight> e : expired) {
            InFlight claim = e.getValue();
            crawl.inFlight.remove(e.getKey());
            claim.host().queue.add(claim.entry());
            crawl.queued++;
            // the dead worker may have fetched just before its lease ran out: keep the host's last delay
            release(claim.host(), now + claim.host().delayMs);
        }
    }

    @Override
    public synchronized boolean complete(String crawlId, Claim claim, Completion completion) {
        Objects.requireNonNull(completion, "completion");
        Crawl crawl = crawls.get(FrontierArgs.crawlId(crawlId));
        InFlight inFlight = crawl == null ? null : crawl.inFlight.get(claim.token());
        if (inFlight == null || !inFlight.entry().url().equals(claim.url())) {
            return false;
        }
        crawl.inFlight.remove(claim.token());
        Host host = inFlight.host();
        Entry entry = inFlight.entry();
        switch (completion.outcome()) {
            case FETCHED -> {
                crawl.fetched++;
                host.fetched++;
                host.consecutiveErrors = 0;
            }
            case FAILED -> {
                crawl.failed++;
                hostError(host);
            }
            case SKIPPED -> crawl.skipped++;
            case RETRY -> {
                host.queue.add(new Entry(entry.sequence(), entry.priority(), entry.attempt() + 1, entry.depth(),
                        entry.kind(), entry.url()));
                crawl.queued++;
                hostError(host);
            }
            case REQUEUE -> {
                host.queue.add(entry);
                crawl.queued++;
            }
        }
        host.delayMs = completion.hostDelayMs();
        release(host, clock.getAsLong() + completion.remainingDelayMs());
        return true;
    }

    private static void hostError(Host host) {
        host.errors++;
        host.consecutiveErrors++;
    }

    private static void release(Host host, long nextFetchAt) {
        host.leaseToken = null;
        host.leasedBy = null;
        host.leaseExpiresAt = 0;
        host.nextFetchAt = nextFetchAt;
    }

    @Override
    public synchronized long leaseLeftMillis(String crawlId, Claim claim) {
        Crawl crawl = crawls.get(FrontierArgs.crawlId(crawlId));
        InFlight inFlight = crawl == null ? null : crawl.inFlight.get(claim.token());
        if (inFlight == null || !inFlight.entry().url().equals(claim.url())) {
            return 0;
        }
        return Math.max(0, inFlight.leaseExpiresAt() - clock.getAsLong());
    }

    @Override
    public synchronized long millisUntilDue(String crawlId) {
        Crawl crawl = crawls.get(FrontierArgs.crawlId(crawlId));
        if (crawl == null) {
            return Long.MAX_VALUE;
        }
        long now = clock.getAsLong();
        long due = Long.MAX_VALUE;
        for (Host host : crawl.hosts.values()) {
            if (host.leaseToken == null && !host.queue.isEmpty()) {
                due = Math.min(due, Math.max(0, host.nextFetchAt - now));
            }
        }
        for (InFlight claim : crawl.inFlight.values()) {
            due = Math.min(due, Math.max(0, claim.leaseExpiresAt() - now));
        }
        return due;
    }

    @Override
    public synchronized FrontierStats stats(String crawlId) {
        Crawl crawl = crawls.get(FrontierArgs.crawlId(crawlId));
        if (crawl == null) {
            return new FrontierStats(0, 0, 0, 0, 0, 0, 0);
        }
        return new FrontierStats(crawl.queued, crawl.inFlight.size(), crawl.fetched, crawl.failed, crawl.skipped,
                crawl.seen.size(), crawl.hosts.size());
    }

    @Override
    public synchronized HostPage hosts(String crawlId, String cursor, int limit) {
        FrontierArgs.hostPageLimit(limit);
        String after = FrontierArgs.hostKeyAfter(cursor);
        Crawl crawl = crawls.get(FrontierArgs.crawlId(crawlId));
        if (crawl == null) {
            return new HostPage(List.of(), null);
        }
        Collection<Host> rest = after == null ? crawl.hosts.values() : crawl.hosts.tailMap(after, false).values();
        List<HostView> items = new ArrayList<>();
        for (Host host : rest) {
            if (items.size() == limit) {
                return new HostPage(items, FrontierArgs.cursorAfter(items.get(limit - 1).hostKey()));
            }
            items.add(new HostView(host.key, host.queue.size(), host.fetched, host.errors, host.consecutiveErrors,
                    host.nextFetchAt, host.leasedBy, host.leaseExpiresAt, host.delayMs));
        }
        return new HostPage(items, null);
    }

    @Override
    public synchronized boolean exhausted(String crawlId) {
        Crawl crawl = crawls.get(FrontierArgs.crawlId(crawlId));
        return crawl == null || crawl.queued == 0 && crawl.inFlight.isEmpty();
    }

    @Override
    public synchronized void delete(String crawlId) {
        crawls.remove(FrontierArgs.crawlId(crawlId));
    }

    @Override
    public long nowMillis() {
        return clock.getAsLong();
    }

    @Override
    public synchronized int restore(String crawlId, Collection<RestoredUrl> urls) {
        Crawl crawl = crawls.computeIfAbsent(FrontierArgs.crawlId(crawlId), id -> new Crawl());
        int restored = 0;
        for (RestoredUrl done : urls) {
            FrontierUrl url = done.url();
            if (!crawl.seen.add(url.url())) {
                continue;
            }
            if (url.pathKey() != null) {
                crawl.pathVariants.merge(url.pathKey(), 1, Integer::sum);
            }
            Host host = crawl.hosts.computeIfAbsent(url.hostKey(), Host::new);
            host.admitted++;
            switch (done.outcome()) {
                case FETCHED -> {
                    crawl.fetched++;
                    host.fetched++;
                }
                case FAILED -> {
                    crawl.failed++;
                    host.errors++;
                }
                default -> crawl.skipped++;
            }
            restored++;
        }
        return restored;
    }

    /** A queued URL; the host queue orders by priority, then arrival. */
    private record Entry(long sequence, int priority, int attempt, int depth, UrlKind kind, String url) {
        static final Comparator<Entry> ORDER =
                Comparator.comparingInt(Entry::priority).thenComparingLong(Entry::sequence);
    }

    private record InFlight(Entry entry, Host host, long leaseExpiresAt) {
    }

    private static final class Host {
        final String key;
        final TreeSet<Entry> queue = new TreeSet<>(Entry.ORDER);
        long admitted;
        long fetched;
        long errors;
        int consecutiveErrors;
        long nextFetchAt;
        long delayMs;
        String leaseToken;
        String leasedBy;
        long leaseExpiresAt;

        Host(String key) {
            this.key = key;
        }
    }

    private static final class Crawl {
        final Set<String> seen = new HashSet<>();
        final TreeMap<String, Host> hosts = new TreeMap<>();
        final Map<String, Integer> pathVariants = new HashMap<>();
        final Map<String, InFlight> inFlight = new HashMap<>();
        long sequence;
        long tokens;
        long queued;
        long fetched;
        long failed;
        long skipped;
    }
}
