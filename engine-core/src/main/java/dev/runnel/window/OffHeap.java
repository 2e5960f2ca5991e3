package dev.runnel.window;

import java.nio.ByteBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Memory outside the heap for the per-entry arrays of slice tables.
 *
 * <p>A slice lives until the watermark passes its windows. On a fast source that spans several
 * young collections, and arrays in the young generation are copied by each of them until they are
 * old enough to be promoted: W1's tables (about 150 MB at 13 M events/s) made every pause of its
 * first seconds 15–50 ms. Memory outside the heap is never copied.
 *
 * <p>Nothing is freed explicitly: a replaced buffer is freed by its cleaner once the collector finds
 * it unreachable, so a reader that still holds it (a monitoring gauge walks tables from another
 * thread) can never touch freed memory. A young buffer (a table grown while warming up) goes at the
 * next young collection; the pooled ones of a finished job at the next full one, or when the JVM's
 * limit on direct memory ({@code -XX:MaxDirectMemorySize}, by default the heap's maximum) asks for one.
 */
final class OffHeap {
    private OffHeap() {
    }

    /** {@code bytes} of zeroed memory. */
    static UnsafeBuffer allocate(int bytes) {
        return new UnsafeBuffer(ByteBuffer.allocateDirect(bytes));
    }

    /** A buffer of {@code bytes} holding the first {@code used} bytes of {@code from}; the rest zeroed. */
    static UnsafeBuffer copyOf(UnsafeBuffer from, int used, int bytes) {
        UnsafeBuffer to = allocate(bytes);
        to.putBytes(0, from, 0, used);
        return to;
    }
}
