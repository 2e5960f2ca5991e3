package dev.runnel.runtime.exchange;

import dev.runnel.runtime.TaskTimes;
import java.util.function.BooleanSupplier;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.OneToOneConcurrentArrayQueue;

/**
 * A bounded single-producer single-consumer link between two workers. Full batches go forward
 * through one queue and come back empty through another, so the set of batches is fixed: when all
 * are in flight the producer waits (backpressure), nothing is dropped. Only that wait is timed, into
 * the producer task's {@link TaskTimes} (Flink's back-pressured time); a batch that finds room costs no clock read.
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
    Batch acquire(BooleanSupplier cancelled, TaskTimes times) {
        Batch b = free.poll();
        if (b != null) {
            return b;
        }
        IdleStrategy idle = new BackoffIdleStrategy(64, 16, 1_000, 200_000);
        times.backPressureStart(System.nanoTime());
        try {
            while ((b = free.poll()) == null) {
                if (cancelled.getAsBoolean()) {
                    throw new JobCancelledException();
                }
                idle.idle();
            }
        } finally {
            times.backPressureEnd(System.nanoTime());
        }
        return b;
    }

    void send(Batch batch, BooleanSupplier cancelled, TaskTimes times) {
        if (full.offer(batch)) {
            return;
        }
        IdleStrategy idle = new BackoffIdleStrategy(64, 16, 1_000, 200_000);
        times.backPressureStart(System.nanoTime());
        try {
            while (!full.offer(batch)) {
                if (cancelled.getAsBoolean()) {
                    throw new JobCancelledException();
                }
                idle.idle();
            }
        } finally {
            times.backPressureEnd(System.nanoTime());
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
