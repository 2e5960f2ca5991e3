package dev.runnel.time;

import java.util.Arrays;

/**
 * Which entries of a {@link TimerSlab} are free, as one bit per entry, handed out in address order:
 * the search goes on from where the last free entry was found (next fit).
 *
 * <p>Why: a timer firing frees entries in time order, which differs from the order they were
 * registered in. A queue of freed entries carried that disorder into the next generation of timers
 * and compounded it, until firings walked the slab at random (W4's timers cost 70 ns each where
 * address order costs 45 ns). Searching is worth it only while at least one entry in 16 is free;
 * below that the slab grows instead, so scattered free entries in a large slab are never searched
 * end to end per timer.
 */
final class FreeEntries {
    private long[] bits;
    private int count;
    /** The word where the search goes on. */
    private int scan;

    FreeEntries(int capacity) {
        bits = new long[(capacity + 63) >>> 6];
    }

    void grow(int capacity) {
        bits = Arrays.copyOf(bits, (capacity + 63) >>> 6);
    }

    void add(int e) {
        bits[e >>> 6] |= 1L << e;
        count++;
    }

    /** Whether to take a free entry rather than a new one, with {@code handedOut} entries handed out so far. */
    boolean worthSearching(int handedOut) {
        return count > 0 && count >= handedOut >>> 4;
    }

    /** The next free entry below {@code handedOut}, in address order, wrapping around; some must be free. */
    int take(int handedOut) {
        long[] b = bits;
        int words = (handedOut + 63) >>> 6;
        for (int w = scan; ; w = w + 1 < words ? w + 1 : 0) {
            long word = b[w];
            if (word != 0) {
                b[w] = word & (word - 1);
                scan = w;
                count--;
                return (w << 6) + Long.numberOfTrailingZeros(word);
            }
        }
    }
}
