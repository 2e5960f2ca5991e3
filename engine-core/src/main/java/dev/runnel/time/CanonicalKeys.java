package dev.runnel.time;

/**
 * A direct-mapped cache that hands back one object per key value: the timer queue stores that one
 * instead of the key object of the record that registered the timer. Keys are usually boxed or
 * built afresh per record ({@code keyBy(e -> e.key % 10_000)} boxes a new {@code Long} each time),
 * so without it every pending timer holds its own copy alive until it fires: at 1 M timers/s due a
 * second later that is a million young objects that every young collection copies (W4 in latency
 * mode: 15 MB copied per collection, 16–27 ms pauses). With it, timers of one key share one object,
 * which is old and stays in the cache. A slot holds the last key that mapped there, so a key space
 * larger than the cache still works, with fewer keys shared. Not thread-safe, like the queue.
 */
final class CanonicalKeys {
    private static final int SLOTS = 1 << 14;
    private Object[] slots;

    /** The cached key equal to {@code key}, or {@code key} itself, which is cached from now on. */
    Object canonical(Object key) {
        Object[] s = slots;
        if (s == null) {
            s = slots = new Object[SLOTS];
        }
        int h = key.hashCode();
        int i = (h ^ (h >>> 16)) * 0x9E3779B1 >>> 18; // the top 14 bits of a Fibonacci hash
        Object cached = s[i];
        if (cached == key || (cached != null && cached.equals(key))) {
            return cached;
        }
        s[i] = key;
        return key;
    }
}
