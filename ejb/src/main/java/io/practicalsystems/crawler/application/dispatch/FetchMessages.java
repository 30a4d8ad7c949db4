package io.practicalsystems.crawler.application.dispatch;

import java.util.ArrayList;
import java.util.List;

/**
 * How the claims of one dispatch are grouped into fetch messages. Every message costs the messaging engine a
 * delivery and a transaction, which measured as most of a task's time once fetch tasks queued (docs/crawler.md,
 * Measured); the MDB works the claims of one message one after the other. So claims get a message each while the
 * MDB has idle threads for them (a host's request is never held behind another's), and are grouped, at most
 * {@code maxPerMessage} to a message, when they are more than the idle threads.
 */
final class FetchMessages {

    private FetchMessages() {
    }

    /**
     * @param idleFetchers  MDB threads with nothing to do (an estimate: the fetch concurrency less the tasks in flight)
     * @param maxPerMessage most claims in one message
     * @return the claims in messages, in their order; as many messages as idle threads (at most one per claim), or
     *         as few as {@code maxPerMessage} allows, whichever is more, with sizes differing by at most one
     */
    static <T> List<List<T>> split(List<T> claims, int idleFetchers, int maxPerMessage) {
        if (maxPerMessage < 1) {
            throw new IllegalArgumentException("at least one claim per message");
        }
        int n = claims.size();
        int messages = Math.max(Math.min(n, Math.max(0, idleFetchers)), (n + maxPerMessage - 1) / maxPerMessage);
        List<List<T>> split = new ArrayList<>(messages);
        int from = 0;
        for (int m = 0; m < messages; m++) {
            int size = n / messages + (m < n % messages ? 1 : 0);
            split.add(List.copyOf(claims.subList(from, from + size)));
            from += size;
        }
        return split;
    }
}
