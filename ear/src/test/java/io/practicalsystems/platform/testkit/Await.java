package io.practicalsystems.platform.testkit;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Waits for a condition that the system reaches asynchronously (a heartbeat, a lease expiry, a job). The bound
 * is generous and only keeps a broken build from hanging: no test asserts how fast anything happens.
 */
public final class Await {

    private Await() {
    }

    public static <T> T until(String what, Supplier<T> probe, Predicate<T> done, Duration atMost) {
        long deadline = System.nanoTime() + atMost.toNanos();
        T last = null;
        RuntimeException lastError = null;
        while (System.nanoTime() < deadline) {
            try {
                last = probe.get();
                if (done.test(last)) {
                    return last;
                }
            } catch (RuntimeException e) {
                lastError = e;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted waiting for " + what, e);
            }
        }
        throw new AssertionError("gave up waiting for " + what + " after " + atMost + "; last value: " + last,
                lastError);
    }
}
