package dev.runnel.window;

import java.util.Arrays;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * The contents (accumulators, reduced values or element lists) of one slice's keys, by position.
 *
 * <p>Accumulators that are {@code double[]} or {@code long[]} of one length, the shape of sums,
 * counts and averages written for speed, are held in one primitive array: like boxed keys (see
 * {@link SliceKeys}), a small array per entry would survive every young collection until its
 * window fires. Reading such contents gives a fresh copy and writing copies it back, which is
 * what Flink's RocksDB state backend does to every accumulator (it deserializes a new one for
 * each {@code add}), so aggregate functions written for Flink already allow it. Contents of any
 * other shape turn the table into one of objects for the rest of its slice. The primitives live
 * outside the heap, as the keys' do ({@link OffHeap}).
 */
final class SliceContents {
    private static final byte EMPTY = 0;
    private static final byte DOUBLES = 1;
    private static final byte LONGS = 2;
    private static final byte OBJECTS = 3;

    /** False where contents are read many times each (sliding windows): a copy per read would cost more than it saves. */
    private final boolean arraysAsPrimitives;
    private byte mode = EMPTY;
    /** Length of every array accumulator in primitive mode; entry i is at [i * width, (i + 1) * width). */
    private int width;
    /** The elements of primitive entries, eight bytes each: doubles or longs by mode. */
    private UnsafeBuffer primitives;
    private Object[] objects;
    private int capacity;
    /** One past the last position set since {@link #clear}. */
    private int size;

    /** {@code capacity}: the entries expected (a slice's predecessors had about as many). */
    SliceContents(boolean arraysAsPrimitives, int capacity) {
        this.arraysAsPrimitives = arraysAsPrimitives;
        this.capacity = capacity;
    }

    /** Sets the contents at {@code position}, at most one past the last one set since {@link #clear}. */
    void set(int position, Object value) {
        if (mode == EMPTY) {
            enter(value);
        }
        if (position == size) {
            if (size == capacity) {
                grow();
            }
            size++;
        }
        if (mode == DOUBLES && value instanceof double[] d && d.length == width) {
            for (int i = 0, to = position * width << 3; i < d.length; i++, to += 8) {
                primitives.putDouble(to, d[i]);
            }
        } else if (mode == LONGS && value instanceof long[] l && l.length == width) {
            for (int i = 0, to = position * width << 3; i < l.length; i++, to += 8) {
                primitives.putLong(to, l[i]);
            }
        } else {
            if (mode != OBJECTS) {
                becomeObjects();
            }
            objects[position] = value;
        }
    }

    /** The contents at {@code position}: a fresh copy for array accumulators held as primitives. */
    Object get(int position) {
        return switch (mode) {
            case DOUBLES -> doublesAt(position);
            case LONGS -> longsAt(position);
            default -> objects[position];
        };
    }

    // plain loops: accumulators are a few elements long
    private double[] doublesAt(int position) {
        if (width == 1) {
            // an array of constant length: when the caller is inlined the JIT may leave it unallocated
            return new double[] {primitives.getDouble(position << 3)};
        }
        double[] copy = new double[width];
        for (int i = 0, from = position * width << 3; i < copy.length; i++, from += 8) {
            copy[i] = primitives.getDouble(from);
        }
        return copy;
    }

    private long[] longsAt(int position) {
        if (width == 1) {
            return new long[] {primitives.getLong(position << 3)};
        }
        long[] copy = new long[width];
        for (int i = 0, from = position * width << 3; i < copy.length; i++, from += 8) {
            copy[i] = primitives.getLong(from);
        }
        return copy;
    }

    private void enter(Object first) {
        if (arraysAsPrimitives && first instanceof double[] d && d.length > 0) {
            mode = DOUBLES;
            width = d.length;
            ensurePrimitives();
        } else if (arraysAsPrimitives && first instanceof long[] l && l.length > 0) {
            mode = LONGS;
            width = l.length;
            ensurePrimitives();
        } else {
            mode = OBJECTS;
            if (objects == null || objects.length < capacity) {
                objects = new Object[capacity];
            }
        }
    }

    private void ensurePrimitives() {
        if (primitives == null || primitives.capacity() < capacity * width * 8) {
            primitives = OffHeap.allocate(capacity * width * 8);
        }
    }

    private void grow() {
        capacity *= 2;
        if (mode == OBJECTS) {
            objects = Arrays.copyOf(objects, capacity);
        } else {
            primitives = OffHeap.copyOf(primitives, size * width * 8, capacity * width * 8);
        }
    }

    /** Turns the primitive entries into array objects. */
    private void becomeObjects() {
        Object[] boxed = objects == null || objects.length < capacity ? new Object[capacity] : objects;
        for (int i = 0; i < size; i++) {
            boxed[i] = get(i);
        }
        objects = boxed;
        mode = OBJECTS;
    }

    /** Empties the contents for reuse of the slice, keeping the grown arrays. */
    void clear() {
        if (mode == OBJECTS) {
            Arrays.fill(objects, 0, size, null);
        }
        mode = EMPTY;
        size = 0;
    }
}
