package dev.runnel.runtime.exchange;

import java.util.function.BooleanSupplier;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.OneToOneConcurrentArrayQueue;

/**
 * A bounded single-producer single-consumer link between two workers. Full batches go forward
 * through one queue and come back empty through another, so the set of batches is fixed: when all
 * are in flight the producer waits (backpressure), nothing is dropped.
 */
public final class Channel {
    private static final int QUEUED_BATCHES = 16;

    private final OneToOneConcurrentArrayQueue<Batch> full = new OneToOneConcurrentArrayQueue<>(QUEUED_BATCHES);
    private final OneToOneConcurrentArrayQueue<Batch> free = new OneToOneConcurrentArrayQueue<>(QUEUED_BATCHES + 2);

    public Channel() {
        for (int i = 0; i < QUEUED_BATCHES + 2; i++) {
            free.offer(new Batch());
        }
    }

    /** Producer side: an empty batch, waiting for one to come back if all are in flight. */
    Batch acquire(BooleanSupplier cancelled) {
        Batch b = free.poll();
        if (b != null) {
            return b;
        }
        IdleStrategy idle = new BackoffIdleStrategy(64, 16, 1_000, 200_000);
        while ((b = free.poll()) == null) {
            if (cancelled.getAsBoolean()) {
                throw new JobCancelledException();
            }
            idle.idle();
        }
        return b;
    }

    void send(Batch batch, BooleanSupplier cancelled) {
        if (full.offer(batch)) {
            return;
        }
        IdleStrategy idle = new BackoffIdleStrategy(64, 16, 1_000, 200_000);
        while (!full.offer(batch)) {
            if (cancelled.getAsBoolean()) {
                throw new JobCancelledException();
            }
            idle.idle();
        }
    }

    /** Consumer side: the next full batch or null. */
    Batch poll() {
        return full.poll();
    }

    void recycle(Batch batch) {
        batch.clear();
        free.offer(batch);
    }
}
