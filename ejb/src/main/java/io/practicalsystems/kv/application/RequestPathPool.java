package io.practicalsystems.kv.application;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The threads that run the KV request path's hand-offs: a peer's answer completing a call, a peer's request run off
 * the socket's read thread. Several per client request.
 *
 * <p>Why not the managed executor: Liberty's {@code ManagedExecutorService} captures the submitter's thread context
 * (security, class loader, naming) for every task it runs — measured under a put load, that capture (copying the
 * security configuration's dictionary each time) was about a sixth of everything the coordinator allocated. Threads
 * from a {@code ManagedThreadFactory} carry the application's context from the start, so a task costs one queue
 * hand-off. No task here blocks on another task of this pool, so a fixed size cannot deadlock; a store write waits
 * for the log's group commit, which is why there are more threads than cores.
 */
final class RequestPathPool {

    static final int THREADS = 16;

    private RequestPathPool() {
    }

    static ExecutorService create(ThreadFactory managedThreads) {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(THREADS, THREADS, 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), managedThreads);
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }
}
