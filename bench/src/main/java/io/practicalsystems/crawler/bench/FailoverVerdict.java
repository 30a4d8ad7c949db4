package io.practicalsystems.crawler.bench;

import io.practicalsystems.crawler.testweb.AccessLogs;
import io.practicalsystems.crawler.testweb.TestWeb;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What the web's access log says about one crawl worked by several servers, one of them killed with kill -9
 * (bin/crawler-experiment.sh). Each server names itself in its User-Agent (its own contact URL), so the log tells
 * who sent what. The crawl passes when:
 * <ul>
 *   <li>every page of the site was requested (nothing lost with the dead server);</li>
 *   <li>no URL was requested twice, except in the crash window: a URL the killed server had requested less than a
 *       lease before it died (fetched, not yet completed) is requested once more, after the kill, by whoever
 *       reclaims it — at most as many as the killed server could have in flight;</li>
 *   <li>no two requests to one host were closer than the delay, whichever servers sent them, and none were in
 *       progress at the same moment (so no host was worked by both servers at once).</li>
 * </ul>
 * The frontier schedules in whole milliseconds of Redis time and the log measures nanoTime, so a gap may look up to
 * {@link #CLOCK_SLACK_MS} shorter than the delay it kept.
 */
final class FailoverVerdict {

    static final long CLOCK_SLACK_MS = 2;
    static final String UNKNOWN = "unknown";

    /** A server killed at {@code atNanos} (the log's nanoTime), or {@link #NONE}. */
    record Kill(String server, long atNanos) {
        static final Kill NONE = new Kill("", Long.MAX_VALUE);
    }

    /** The crawl's politeness delay, its lease and how many claims the killed server could hold at once. */
    record Limits(long delayMs, long leaseMs, int inFlightBound) {
    }

    private final List<TestWeb.Access> log;
    private final int port;
    private final List<String> servers;
    private final Kill kill;
    private final Limits limits;
    private final Set<String> expectedUrls;

    FailoverVerdict(List<TestWeb.Access> log, int port, List<String> servers, Kill kill, Limits limits,
                    Set<String> expectedUrls) {
        this.log = List.copyOf(log);
        this.port = port;
        this.servers = List.copyOf(servers);
        this.kill = kill;
        this.limits = limits;
        this.expectedUrls = Set.copyOf(expectedUrls);
    }

    /** The first of {@code servers} named in the request's User-Agent, else {@link #UNKNOWN}. */
    static String serverOf(TestWeb.Access access, List<String> servers) {
        return servers.stream().filter(access.userAgent()::contains).findFirst().orElse(UNKNOWN);
    }

    /** Requests per server, in the order of {@code servers} (every server listed, unknown ones last if any). */
    static Map<String, Long> requestsByServer(Collection<TestWeb.Access> log, List<String> servers) {
        Map<String, Long> counts = new LinkedHashMap<>();
        servers.forEach(server -> counts.put(server, 0L));
        log.forEach(access -> counts.merge(serverOf(access, servers), 1L, Long::sum));
        return counts;
    }

    Map<String, Long> requestsByServer() {
        return requestsByServer(log, servers);
    }

    Map<String, Long> requestsAfterKillByServer() {
        return requestsByServer(log.stream().filter(a -> a.arrivalNanos() > kill.atNanos()).toList(), servers);
    }

    Set<String> missingUrls() {
        Set<String> missing = new TreeSet<>(expectedUrls);
        log.forEach(access -> missing.remove(access.url(port)));
        return missing;
    }

    /** URLs requested twice in the crash window: first by the killed server less than a lease before the kill. */
    List<String> crashRepeats() {
        return repeats(true);
    }

    /** Every other URL requested more than once: expected none. */
    List<String> otherRepeats() {
        return repeats(false);
    }

    private List<String> repeats(boolean inCrashWindow) {
        Map<String, List<TestWeb.Access>> byUrl = log.stream().collect(Collectors.groupingBy(a -> a.url(port),
                TreeMap::new, Collectors.toList()));
        List<String> repeats = new ArrayList<>();
        byUrl.forEach((url, requests) -> {
            if (requests.size() > 1 && isCrashRepeat(requests) == inCrashWindow) {
                repeats.add(url);
            }
        });
        return repeats;
    }

    private boolean isCrashRepeat(List<TestWeb.Access> requests) {
        if (requests.size() != 2) {
            return false;
        }
        TestWeb.Access first = requests.get(0);
        TestWeb.Access second = requests.get(1);
        return serverOf(first, servers).equals(kill.server()) && first.arrivalNanos() < kill.atNanos()
                && kill.atNanos() - first.arrivalNanos() < Duration.ofMillis(limits.leaseMs()).toNanos()
                && second.arrivalNanos() > kill.atNanos();
    }

    /** Per host, the smallest gap between two consecutive requests, whichever servers sent them. */
    Map<String, Duration> smallestGaps() {
        return AccessLogs.smallestGapPerHost(log);
    }

    Set<String> hostsBelowDelay() {
        return smallestGaps().entrySet().stream()
                .filter(e -> e.getValue().toMillis() < limits.delayMs() - CLOCK_SLACK_MS)
                .map(Map.Entry::getKey).collect(Collectors.toCollection(TreeSet::new));
    }

    /** Pairs of requests to one host in progress at the same moment. */
    List<List<TestWeb.Access>> overlaps() {
        return AccessLogs.overlapsPerHost(log);
    }

    /** Of {@link #overlaps()}, the hosts where the two requests came from different servers. */
    Set<String> hostsWorkedByTwoServersAtOnce() {
        return overlaps().stream()
                .filter(pair -> !serverOf(pair.get(0), servers).equals(serverOf(pair.get(1), servers)))
                .map(pair -> pair.get(0).host()).collect(Collectors.toCollection(TreeSet::new));
    }

    /** Hosts requested by more than one server over the crawl (one after the other: handed over). */
    Set<String> hostsOfSeveralServers() {
        Map<String, Set<String>> serversByHost = log.stream().collect(Collectors.groupingBy(TestWeb.Access::host,
                Collectors.mapping(a -> serverOf(a, servers), Collectors.toSet())));
        return serversByHost.entrySet().stream().filter(e -> e.getValue().size() > 1).map(Map.Entry::getKey)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    boolean passed() {
        return missingUrls().isEmpty() && otherRepeats().isEmpty()
                && crashRepeats().size() <= limits.inFlightBound() && hostsBelowDelay().isEmpty()
                && overlaps().isEmpty();
    }

    /** The verdict as lines for a person, the last one {@code verdict: PASS} or {@code verdict: FAIL}. */
    String text() {
        StringBuilder text = new StringBuilder();
        Map<String, Long> after = requestsAfterKillByServer();
        String perServer = requestsByServer().entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue() + (kill == Kill.NONE ? ""
                        : " (" + after.getOrDefault(e.getKey(), 0L) + " after the kill)"))
                .collect(Collectors.joining(", "));
        line(text, "requests: %d — %s", log.size(), perServer);
        line(text, "pages of the site requested: %d of %d (missing %d, expect 0)%s",
                expectedUrls.size() - missingUrls().size(), expectedUrls.size(), missingUrls().size(),
                sample(missingUrls()));
        line(text, "URLs requested twice in the crash window: %d (%s; at most %d expected)%s",
                crashRepeats().size(), kill == Kill.NONE ? "no server was killed"
                        : "first by " + kill.server() + " less than a lease of " + limits.leaseMs()
                        + " ms before it was killed, again after", limits.inFlightBound(), sample(crashRepeats()));
        line(text, "URLs requested twice otherwise: %d (expect 0)%s", otherRepeats().size(), sample(otherRepeats()));
        Map.Entry<String, Duration> min = smallestGaps().entrySet().stream().min(Map.Entry.comparingByValue())
                .orElse(null);
        line(text, "min per-host gap: %s vs the delay %d ms; hosts with a gap below it: %d (expect 0)%s",
                min == null ? "-" : String.format(Locale.ROOT, "%.1f ms (%s)", min.getValue().toNanos() / 1e6,
                        min.getKey()), limits.delayMs(), hostsBelowDelay().size(), sample(hostsBelowDelay()));
        line(text, "requests to one host in progress at once: %d; hosts worked by two servers at the same moment: %d"
                + " (expect 0 and 0)%s", overlaps().size(), hostsWorkedByTwoServersAtOnce().size(),
                sample(hostsWorkedByTwoServersAtOnce()));
        line(text, "hosts worked by both servers one after the other (handed over): %d", hostsOfSeveralServers().size());
        line(text, "%s", passed() ? "PASS" : "FAIL");
        return text.toString();
    }

    private static void line(StringBuilder text, String format, Object... args) {
        text.append("verdict: ").append(String.format(Locale.ROOT, format, args)).append('\n');
    }

    private static String sample(Collection<String> items) {
        return items.isEmpty() ? "" : items.stream().limit(5).collect(Collectors.joining(", ", ": ",
                items.size() > 5 ? ", …" : ""));
    }
}
