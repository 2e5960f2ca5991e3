package dev.runnel.flink;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A user object as Flink ships it to its tasks. Flink serializes every function into the job graph;
 * Runnel does not require that of sources, sinks and watermark strategies (they are shared in one
 * process). A serializable object travels by value, so each parallel instance gets its own copy,
 * as Runnel copies rich functions per subtask. Anything else (and a collect sink, whose whole point
 * is to fill the caller's list) travels by reference into a registry of this JVM: that works on
 * Flink's local MiniCluster, which runs in this JVM, and fails with a message saying what to make
 * serializable when a task on another machine asks for it.
 */
public final class Shipped<T> implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final Map<Long, Object> LOCAL = new ConcurrentHashMap<>();
    private static final AtomicLong IDS = new AtomicLong();

    private final T value;
    private final long localId;
    private final String description;

    private Shipped(T value, long localId, String description) {
        this.value = value;
        this.localId = localId;
        this.description = description;
    }

    /** By value if {@code value} serializes, otherwise by reference into this JVM. */
    public static <T> Shipped<T> of(T value, String description) {
        if (value == null || serializes(value)) {
            return new Shipped<>(value, -1, description);
        }
        return byReference(value, description);
    }

    /** Always the same instance, in this JVM only. */
    public static <T> Shipped<T> byReference(T value, String description) {
        long id = IDS.incrementAndGet();
        LOCAL.put(id, value);
        return new Shipped<>(null, id, description);
    }

    private static boolean serializes(Object value) {
        if (!(value instanceof Serializable)) {
            return false;
        }
        try (ObjectOutputStream out = new ObjectOutputStream(new ByteArrayOutputStream())) {
            out.writeObject(value);
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    @SuppressWarnings("unchecked")
    public T get() {
        if (localId < 0) {
            return value;
        }
        Object local = LOCAL.get(localId);
        if (local == null) {
            throw new IllegalStateException(description + " is not java.io.Serializable, so it runs only in the JVM that "
                + "built the job (Flink's local MiniCluster); make it and everything it refers to Serializable to run it "
                + "on a Flink cluster");
        }
        return (T) local;
    }
}
