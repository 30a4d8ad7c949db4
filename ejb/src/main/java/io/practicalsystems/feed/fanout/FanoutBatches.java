package io.practicalsystems.feed.fanout;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a fanout's recipients into bounded batches, each written as one pipelined round trip. The batches, joined
 * in order, are the recipients; every batch but the last has exactly {@code batchSize} of them.
 */
public final class FanoutBatches {

    private FanoutBatches() {
    }

    public static List<List<Long>> split(List<Long> recipients, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1, got " + batchSize);
        }
        List<List<Long>> batches = new ArrayList<>((recipients.size() + batchSize - 1) / batchSize);
        for (int from = 0; from < recipients.size(); from += batchSize) {
            batches.add(List.copyOf(recipients.subList(from, Math.min(recipients.size(), from + batchSize))));
        }
        return batches;
    }
}
