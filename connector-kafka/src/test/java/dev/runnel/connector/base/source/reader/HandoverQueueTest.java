package dev.runnel.connector.base.source.reader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The fetcher's hand-over queue: a full queue blocks the putter until the taker makes room or wakes it. */
class HandoverQueueTest {

    @Test
    void aFullQueueBlocksThePutterUntilAnElementIsTaken() throws Exception {
        HandoverQueue<String> queue = new HandoverQueue<>(2);
        assertThat(queue.put("a")).isTrue();
        assertThat(queue.put("b")).isTrue();
        Thread[] putter = new Thread[1];
        CompletableFuture<Boolean> third = CompletableFuture.supplyAsync(() -> {
            putter[0] = Thread.currentThread();
            try {
                return queue.put("c");
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        awaitWaiting(() -> putter[0]);
        assertThat(third).isNotDone();
        assertThat(queue.size()).isEqualTo(2);

        assertThat(queue.poll()).isEqualTo("a");
        assertThat(third.get(30, TimeUnit.SECONDS)).isTrue();
        assertThat(queue.poll()).isEqualTo("b");
        assertThat(queue.poll()).isEqualTo("c");
        assertThat(queue.poll()).isNull();
    }

    @Test
    void aWokenPutterReturnsFalseWithoutAdding() throws Exception {
        HandoverQueue<String> queue = new HandoverQueue<>(1);
        queue.put("a");
        Thread[] putter = new Thread[1];
        CompletableFuture<Boolean> second = CompletableFuture.supplyAsync(() -> {
            putter[0] = Thread.currentThread();
            try {
                return queue.put("b");
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        awaitWaiting(() -> putter[0]);
        queue.wakeUpPuttingThread();
        assertThat(second.get(30, TimeUnit.SECONDS)).isFalse();
        assertThat(queue.size()).isEqualTo(1);
        // the wake-up is used up: the next put waits for room again, and with room adds
        assertThat(queue.poll()).isEqualTo("a");
        assertThat(queue.put("b")).isTrue();
        assertThat(queue.poll(1, TimeUnit.MILLISECONDS)).isEqualTo("b");
    }

    @Test
    void aWakeUpBeforeThePutMakesThatPutReturnFalse() throws Exception {
        HandoverQueue<String> queue = new HandoverQueue<>(4);
        queue.wakeUpPuttingThread();
        assertThat(queue.put("a")).isFalse();
        assertThat(queue.put("a")).isTrue();
        assertThat(queue.size()).isEqualTo(1);
    }

    @Test
    void aCapacityBelowOneIsRefused() {
        assertThatThrownBy(() -> new HandoverQueue<>(0)).hasMessage("queue capacity must be at least 1, not 0");
    }

    private static void awaitWaiting(java.util.function.Supplier<Thread> thread) throws InterruptedException {
        dev.runnel.connector.kafka.Conditions.await("the putter to wait", Duration.ofSeconds(30),
            () -> thread.get() != null && thread.get().getState() == Thread.State.WAITING);
    }
}
