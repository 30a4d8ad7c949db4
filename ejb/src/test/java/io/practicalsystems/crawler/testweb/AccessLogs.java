package io.practicalsystems.crawler.testweb;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** What politeness and "fetched once" assertions need from an access log. */
public final class AccessLogs {

    private AccessLogs() {
    }

    /** Per host with at least two requests: the smallest time between two consecutive arrivals. */
    public static Map<String, Duration> smallestGapPerHost(List<TestWeb.Access> log) {
        Map<String, Duration> gaps = new TreeMap<>();
        byHost(log).forEach((host, requests) -> {
            for (int i = 1; i < requests.size(); i++) {
                Duration gap = Duration.ofNanos(requests.get(i).arrivalNanos() - requests.get(i - 1).arrivalNanos());
                gaps.merge(host, gap, (a, b) -> a.compareTo(b) <= 0 ? a : b);
            }
        });
        return gaps;
    }

    /**
     * Pairs of requests to the same host that were in progress at the same moment (the later one arrived before
     * the earlier one completed): a host must be worked by one fetch at a time.
     */
    public static List<List<TestWeb.Access>> overlapsPerHost(List<TestWeb.Access> log) {
        List<List<TestWeb.Access>> overlaps = new ArrayList<>();
        byHost(log).forEach((host, requests) -> {
            for (int i = 1; i < requests.size(); i++) {
                TestWeb.Access earlier = requests.get(i - 1);
                TestWeb.Access later = requests.get(i);
                if (earlier.completedNanos() < 0 || later.arrivalNanos() < earlier.completedNanos()) {
                    overlaps.add(List.of(earlier, later));
                }
            }
        });
        return overlaps;
    }

    /** URLs requested more than once, with how often. */
    public static Map<String, Long> requestedMoreThanOnce(List<TestWeb.Access> log, int port) {
        return log.stream().collect(Collectors.groupingBy(a -> a.url(port), TreeMap::new, Collectors.counting()))
                .entrySet().stream().filter(e -> e.getValue() > 1)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, TreeMap::new));
    }

    private static Map<String, List<TestWeb.Access>> byHost(List<TestWeb.Access> log) {
        Map<String, List<TestWeb.Access>> byHost = new TreeMap<>();
        log.stream().sorted(Comparator.comparingLong(TestWeb.Access::arrivalNanos))
                .forEach(a -> byHost.computeIfAbsent(a.host(), h -> new ArrayList<>()).add(a));
        return byHost;
    }
}
