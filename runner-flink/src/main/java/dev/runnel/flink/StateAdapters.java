package dev.runnel.flink;

import dev.runnel.api.state.AggregatingState;
import dev.runnel.api.state.ListState;
import dev.runnel.api.state.MapState;
import dev.runnel.api.state.ReducingState;
import dev.runnel.api.state.ValueState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runnel's state interfaces over Flink's state handles: the value lives in Flink's backend. Flink's
 * handles declare checked exceptions that Runnel's do not; they surface unchecked with the cause.
 */
final class StateAdapters {
    private StateAdapters() {}

    /** Flink's handle {@code flink} of the state {@code d} declares, behind Runnel's interface of that kind. */
    @SuppressWarnings("unchecked")
    static dev.runnel.api.state.State wrap(dev.runnel.api.state.StateDescriptor<?> d, org.apache.flink.api.common.state.State flink) {
        if (d instanceof dev.runnel.api.state.ValueStateDescriptor<?>) {
            return new Value<>((org.apache.flink.api.common.state.ValueState<Object>) flink);
        } else if (d instanceof dev.runnel.api.state.ListStateDescriptor<?>) {
            return new Listed<>((org.apache.flink.api.common.state.ListState<Object>) flink);
        } else if (d instanceof dev.runnel.api.state.MapStateDescriptor<?, ?>) {
            return new Mapped<>((org.apache.flink.api.common.state.MapState<Object, Object>) flink);
        } else if (d instanceof dev.runnel.api.state.ReducingStateDescriptor<?>) {
            return new Reducing<>((org.apache.flink.api.common.state.ReducingState<Object>) flink);
        }
        return new Aggregating<>((org.apache.flink.api.common.state.AggregatingState<Object, Object>) flink);
    }

    static RuntimeException unchecked(Exception e) {
        return e instanceof RuntimeException r ? r : new FlinkStateException(e);
    }

    /** A read of Flink's state handle, which may throw a checked exception. */
    @FunctionalInterface
    interface FlinkRead<T> {
        T get() throws Exception;
    }

    /** A write to Flink's state handle, which may throw a checked exception. */
    @FunctionalInterface
    interface FlinkWrite {
        void run() throws Exception;
    }

    /** The one place Flink's checked state exceptions turn unchecked, for reads. */
    static <T> T read(FlinkRead<T> read) {
        try {
            return read.get();
        } catch (Exception e) {
            throw unchecked(e);
        }
    }

    /** The one place Flink's checked state exceptions turn unchecked, for writes. */
    static void write(FlinkWrite write) {
        try {
            write.run();
        } catch (Exception e) {
            throw unchecked(e);
        }
    }

    /** A checked exception of Flink's state backend, passed on unchecked. */
    static final class FlinkStateException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        FlinkStateException(Exception cause) {
            super(cause.getMessage(), cause);
        }
    }

    @SuppressWarnings("unchecked")
    record Value<T>(org.apache.flink.api.common.state.ValueState<Object> flink) implements ValueState<T> {
        @Override
        public T value() {
            return (T) read(flink::value);
        }

        @Override
        public void update(T value) {
            write(() -> flink.update(value));
        }

        @Override
        public void clear() {
            flink.clear();
        }
    }

    @SuppressWarnings("unchecked")
    record Listed<T>(org.apache.flink.api.common.state.ListState<Object> flink) implements ListState<T> {
        @Override
        public Iterable<T> get() {
            Iterable<Object> values = read(flink::get);
            return values == null ? List.of() : (Iterable<T>) values;
        }

        @Override
        public void add(T value) {
            write(() -> flink.add(value));
        }

        @Override
        public void addAll(List<T> values) {
            write(() -> flink.addAll(new ArrayList<>(values)));
        }

        @Override
        public void update(List<T> values) {
            write(() -> flink.update(new ArrayList<>(values)));
        }

        @Override
        public void clear() {
            flink.clear();
        }
    }

    @SuppressWarnings("unchecked")
    record Mapped<K, V>(org.apache.flink.api.common.state.MapState<Object, Object> flink) implements MapState<K, V> {
        @Override
        public V get(K key) {
            return (V) read(() -> flink.get(key));
        }

        @Override
        public void put(K key, V value) {
            write(() -> flink.put(key, value));
        }

        @Override
        public void putAll(Map<K, V> map) {
            write(() -> flink.putAll((Map<Object, Object>) map));
        }

        @Override
        public void remove(K key) {
            write(() -> flink.remove(key));
        }

        @Override
        public boolean contains(K key) {
            return read(() -> flink.contains(key));
        }

        @Override
        public Iterable<Map.Entry<K, V>> entries() {
            return (Iterable<Map.Entry<K, V>>) (Iterable<?>) read(flink::entries);
        }

        @Override
        public Iterable<K> keys() {
            return (Iterable<K>) read(flink::keys);
        }

        @Override
        public Iterable<V> values() {
            return (Iterable<V>) read(flink::values);
        }

        @Override
        public boolean isEmpty() {
            return read(flink::isEmpty);
        }

        @Override
        public void clear() {
            flink.clear();
        }
    }

    @SuppressWarnings("unchecked")
    record Reducing<T>(org.apache.flink.api.common.state.ReducingState<Object> flink) implements ReducingState<T> {
        @Override
        public T get() {
            return (T) read(flink::get);
        }

        @Override
        public void add(T value) {
            write(() -> flink.add(value));
        }

        @Override
        public void clear() {
            flink.clear();
        }
    }

    @SuppressWarnings("unchecked")
    record Aggregating<IN, OUT>(org.apache.flink.api.common.state.AggregatingState<Object, Object> flink)
            implements AggregatingState<IN, OUT> {
        @Override
        public OUT get() {
            return (OUT) read(flink::get);
        }

        @Override
        public void add(IN value) {
            write(() -> flink.add(value));
        }

        @Override
        public void clear() {
            flink.clear();
        }
    }
}
