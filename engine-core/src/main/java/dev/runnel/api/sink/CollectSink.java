package dev.runnel.api.sink;

import dev.runnel.api.functions.Sink;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps every record (and its timestamp) in memory, for tests and small bounded jobs. Thread-safe:
 * at parallelism above one, records of different subtasks interleave. At-least-once: a job restored
 * from a checkpoint emits again what it emitted after that checkpoint; use
 * {@link ExactlyOnceFileSink} where that matters.
 */
public final class CollectSink<T> implements Sink<T> {
    /** A record with the timestamp it carried ({@code Long.MIN_VALUE} if none). */
    public record Timestamped<T>(T value, long timestamp) {
        @Override
        public String toString() {
            return value + "@" + timestamp;
        }
    }

    private final List<Timestamped<T>> records = new ArrayList<>();

    @Override
    public void invoke(T value) {
        invoke(value, Long.MIN_VALUE);
    }

    @Override
    public synchronized void invoke(T value, long timestamp) {
        records.add(new Timestamped<>(value, timestamp));
    }

    public synchronized List<T> values() {
        List<T> out = new ArrayList<>(records.size());
        for (Timestamped<T> r : records) {
            out.add(r.value());
        }
        return out;
    }

    public synchronized List<Timestamped<T>> timestamped() {
        return new ArrayList<>(records);
    }

    public synchronized void clear() {
        records.clear();
    }
}
