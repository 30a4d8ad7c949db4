package io.practicalsystems.kv.peer.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SerialSenderTest {

    @Test
    void concurrentSendersHaveEveryMessageWrittenOnceAndNeverTwoWritesAtATime() throws Exception {
        AtomicInteger writing = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        ConcurrentLinkedQueue<Integer> written = new ConcurrentLinkedQueue<>();
        SerialSender<Integer> sender = new SerialSender<>(message -> {
            mostAtOnce.accumulateAndGet(writing.incrementAndGet(), Math::max);
            written.add(message);
            Thread.onSpinWait();
            writing.decrementAndGet();
        }, e -> {
            throw new AssertionError(e);
        });
        int threads = 8;
        int each = 20_000;
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> senders = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int first = t * each;
            Thread thread = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < each; i++) {
                    sender.send(first + i);
                }
            });
            senders.add(thread);
            thread.start();
        }
        go.countDown();
        for (Thread thread : senders) {
            thread.join();
        }
        assertThat(mostAtOnce).hasValue(1);
        assertThat(written).hasSize(threads * each).doesNotHaveDuplicates();
    }

    @Test
    void aWriteThatThrowsIsReportedAndLaterMessagesAreStillWritten() {
        List<String> written = new ArrayList<>();
        List<RuntimeException> failures = new ArrayList<>();
        SerialSender<String> sender = new SerialSender<>(message -> {
            if (message.equals("bad")) {
                throw new IllegalStateException("closed");
            }
            written.add(message);
        }, failures::add);

        sender.send("a");
        sender.send("bad");
        sender.send("b");

        assertThat(written).containsExactly("a", "b");
        assertThat(failures).extracting(Throwable::getMessage).containsExactly("closed");
    }
}
