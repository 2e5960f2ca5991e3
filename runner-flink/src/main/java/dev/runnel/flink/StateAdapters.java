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
            try {
                return (T) flink.value();
            } catch (Exception e) {
                throw unchecked(e);
            }
        }

        @Override
        public void update(T value) {
            try {
                flink.update(value);
            } catch (Exception e) {
                throw unchecked(e);
            }
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
            try {
                Iterable<Object> values = flink.get();
                return values == null ? List.of() : (Iterable<T>) values;
            } catch (Exception e) {
                throw unchecked(e);
            }
        }

        @Override
        public void add(T value) {
            try {
                flink.add(value);
            } catch (Exception e) {
                throw unchecked(e);
            }
        }

        @Override
        public void addAll(List<T> values) {
            try {
                flink.addAll(new ArrayList<>(values));
            } catch (Exception e) {
                throw unchecked(e);
            }
        }

        @Override
        public void update(List<T> values) {
            try {
                flink.update(new ArrayList<>(values));
            } catch (Exception e) {
                throw unchecked(e);
            }
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
            try {
                return (V) flink.get(key);
            } catch (Exception e) {
                throw unchecked(e);
            }
        }

        @Override
        public void put(K key, V value) {
            try {
                flink.put(key, value);
            } catch (Exception e) {
                throw unchecked(e);
            }
        }

        @Override
        public void putAll(Map<K, V> map) {
            try {
                flink.putAll((Map<Object, Object>) map);
            } catch (Exception e) {
                throw unchecked(e);
            }
        }

        @Override
        public void remove(K key) {
            try {
                flink.remove(key);
            } catch (Exception e) {
                throw unchecked(e);
            }
        }

        @Override
        public boolean contains(K key) {
            try {
                return flink.contains(key);
            } catch (Exception e) {
                throw unchecked(e);
            }
        }

        @Override
        public Iterable<Map.Entry<K, V>> entries() {
            try {
                return (Iterable<Map.Entry<K, V>>) (Iterable<?>) flink.entries();
            } catch (Exception e) {
                throw unchecked(e);
            }
        }

        @Override
        public Iterable<K> keys() {
            try {
                return (Iterable<K>) flink.keys();
            } catch (Exception e) {
                throw unchecked(e);
            }
        }

        @Override
        public Iterable<V> values() {
            try {
                return (Iterable<V>) flink.values();
            } catch (Exception e) {
                throw unchecked(e);
            }
        }

        @Override
        public boolean isEmpty() {
            try {
                return flink.isEmpty();
            } catch (Exception e) {
                throw unchecked(e);
            }
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
            try {
                return (T) flink.get();
            } catch (Exception e) {
                throw unchecked(e);
            }
        }

        @Override
        public void add(T value) {
            try {
                flink.add(value);
            } catch (Exception e) {
                throw unchecked(e);
            }
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
            try {
                return (OUT) flink.get();
            } catch (Exception e) {
                throw unchecked(e);
            }
        }

        @Override
        public void add(IN value) {
            try {
                flink.add(value);
            } catch (Exception e) {
                throw unchecked(e);
            }
        }

        @Override
        public void clear() {
            flink.clear();
        }
    }
}
