package dev.runnel.runtime.exchange;

/**
 * A reusable block of stream entries travelling between two workers: records and, in band, the
 * control events that must stay ordered with them. Pre-allocated and recycled, so moving records
 * between threads allocates nothing per record.
 */
final class Batch {
    static final int CAPACITY = 512;

    static final byte RECORD = 0;
    static final byte WATERMARK = 1;
    static final byte IDLE = 2;
    static final byte ACTIVE = 3;
    static final byte TICK = 4;
    static final byte LATENCY = 5;
    static final byte END = 6;
    /** A checkpoint barrier; the long is the checkpoint id. */
    static final byte BARRIER = 7;

    final byte[] kinds = new byte[CAPACITY];
    final Object[] values = new Object[CAPACITY];
    final long[] longs = new long[CAPACITY];
    int size;

    boolean isFull() {
        return size == CAPACITY;
    }

    void add(byte kind, Object value, long l) {
        int i = size++;
        kinds[i] = kind;
        values[i] = value;
        longs[i] = l;
    }

    void clear() {
        java.util.Arrays.fill(values, 0, size, null);
        size = 0;
    }
}
