package dev.runnel.window;

import java.util.Arrays;

/**
 * The contents (accumulators, reduced values or element lists) of one slice's keys, by position.
 *
 * <p>Accumulators that are {@code double[]} or {@code long[]} of one length, the shape of sums,
 * counts and averages written for speed, are held in one primitive array: like boxed keys (see
 * {@link SliceKeys}), a small array per entry would survive every young collection until its
 * window fires. Reading such contents gives a fresh copy and writing copies it back, which is
 * what Flink's RocksDB state backend does to every accumulator (it deserializes a new one for
 * each {@code add}), so aggregate functions written for Flink already allow it. Contents of any
 * other shape turn the table into one of objects for the rest of its slice.
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
    private double[] doubles;
    private long[] longs;
    private Object[] objects;
    private int capacity = 64;
    /** One past the last position set since {@link #clear}. */
    private int size;

    SliceContents(boolean arraysAsPrimitives) {
        this.arraysAsPrimitives = arraysAsPrimitives;
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
            for (int i = 0, to = position * width; i < d.length; i++) {
                doubles[to + i] = d[i];
            }
        } else if (mode == LONGS && value instanceof long[] l && l.length == width) {
            for (int i = 0, to = position * width; i < l.length; i++) {
                longs[to + i] = l[i];
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

    // plain loops: accumulators are a few elements long, where Arrays.copyOfRange's checks cost more than the copy
    private double[] doublesAt(int position) {
        double[] copy = new double[width];
        for (int i = 0, from = position * width; i < copy.length; i++) {
            copy[i] = doubles[from + i];
        }
        return copy;
    }

    private long[] longsAt(int position) {
        long[] copy = new long[width];
        for (int i = 0, from = position * width; i < copy.length; i++) {
            copy[i] = longs[from + i];
        }
        return copy;
    }

    private void enter(Object first) {
        if (arraysAsPrimitives && first instanceof double[] d && d.length > 0) {
            mode = DOUBLES;
            width = d.length;
            if (doubles == null || doubles.length < capacity * width) {
                doubles = new double[capacity * width];
            }
        } else if (arraysAsPrimitives && first instanceof long[] l && l.length > 0) {
            mode = LONGS;
            width = l.length;
            if (longs == null || longs.length < capacity * width) {
                longs = new long[capacity * width];
            }
        } else {
            mode = OBJECTS;
            if (objects == null || objects.length < capacity) {
                objects = new Object[capacity];
            }
        }
    }

    private void grow() {
        capacity *= 2;
        if (mode == DOUBLES) {
            doubles = Arrays.copyOf(doubles, capacity * width);
        } else if (mode == LONGS) {
            longs = Arrays.copyOf(longs, capacity * width);
        } else {
            objects = Arrays.copyOf(objects, capacity);
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
