package dev.runnel.api;

import dev.runnel.api.functions.Sink;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Keeps the first {@code limit} records it receives and says when it has them; for {@code executeAndCollect(limit)}. */
final class FirstRecordsSink<T> implements Sink<T> {
    private final int limit;
    private final List<T> values = new ArrayList<>();
    private final CountDownLatch full = new CountDownLatch(1);

    FirstRecordsSink(int limit) {
        this.limit = limit;
    }

    @Override
    public synchronized void invoke(T value) {
        if (values.size() < limit) {
            values.add(value);
            if (values.size() == limit) {
                full.countDown();
            }
        }
    }

    boolean awaitFull(long millis) throws InterruptedException {
        return full.await(millis, TimeUnit.MILLISECONDS);
    }

    synchronized List<T> values() {
        return new ArrayList<>(values);
    }
}
