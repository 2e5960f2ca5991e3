package dev.runnel.cep.operator;

import dev.runnel.cep.nfa.KeyMatches;
import java.util.Arrays;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * Which keys hold partial or completed matches, summarised by hash slot, so that a buffered event
 * that can start nothing ({@link dev.runnel.cep.nfa.Nfa#NEVER_STARTS}) is mostly dismissed, when the
 * watermark releases it, without the key map lookup, the key's {@link KeyMatches} or the event itself
 * being read: all three have usually left the cache by then (W6: 90% of events, each waiting about
 * 300 ms). Such an event is buffered with the number of its summary in its timer's tag; a slot counts
 * the keys hashed to it that hold matches, and only a non-zero count sends the event down the full path.
 *
 * <p>Summary 0 counts keys holding any match. An event that kills the partial matches of some wait
 * states and is skipped by all others ({@link dev.runnel.cep.nfa.Nfa#dieMask}) can only matter to a
 * key with a partial match in one of those states, so it is checked against a summary that counts
 * only such keys: W6's events of other types matter to keys in its strict stage, about one in ten,
 * not to the many whose matches wait in the relaxed stages of {@code times(4)}. A summary is made
 * for each such set of states the first time an event brings it, counting the keys of that moment;
 * beyond {@value #MAX_SUMMARIES} further sets use summary 0.
 *
 * <p>{@link #update} must run after every change of a key's matches (the operator's {@code afterKey}
 * and restore), so that a count is exact whenever a buffered event is released.
 */
final class KeySlots {
    /** Enough slots that, with a thousand keys holding matches, about 94% of slots are empty. */
    private static final int SLOTS = 1 << 14;
    /** Summaries beyond the first cost 64 KB and one more count to keep per key change each. */
    static final int MAX_SUMMARIES = 8;

    private final ToLongFunction<KeyMatches> waitBits;
    private final Supplier<? extends Iterable<KeyMatches>> allKeys;
    /** Per summary, the wait states (bits) a key must have a partial match in to be counted; -1 for any match. */
    private long[] masks = {-1L};
    /** Per summary and slot, the keys hashed there holding matches the summary counts. */
    private int[][] counts = {new int[SLOTS]};

    /**
     * {@code waitBits}: the wait-state bits of a key's partial matches ({@link dev.runnel.cep.nfa.Nfa#waitBits});
     * {@code allKeys}: every key's matches, to count them when a summary is made.
     */
    KeySlots(ToLongFunction<KeyMatches> waitBits, Supplier<? extends Iterable<KeyMatches>> allKeys) {
        this.waitBits = waitBits;
        this.allKeys = allKeys;
    }

    private static int index(Object key) {
        int h = key instanceof Long l ? Long.hashCode(l * 0x9E3779B97F4A7C15L) : key.hashCode() * 0x9E3779B9;
        return (h ^ (h >>> 16)) & (SLOTS - 1);
    }

    /** The keys in {@code key}'s slot of summary {@code summary} that hold matches it counts. */
    int count(int summary, Object key) {
        return counts[summary][index(key)];
    }

    /** The summary for events that kill the partial matches of {@code dieMask}'s states (-1: any), made if new. */
    int summary(long dieMask) {
        long[] m = masks;
        for (int s = 0; s < m.length; s++) {
            if (m[s] == dieMask) {
                return s;
            }
        }
        if (m.length == MAX_SUMMARIES) {
            return 0;
        }
        int s = m.length;
        masks = Arrays.copyOf(m, s + 1);
        masks[s] = dieMask;
        counts = Arrays.copyOf(counts, s + 1);
        counts[s] = new int[SLOTS];
        for (KeyMatches km : allKeys.get()) {
            if (km.holdsMatches() && (waitBits.applyAsLong(km) & dieMask) != 0) {
                km.countedInSlots |= 1L << s;
                counts[s][index(km.key())]++;
            }
        }
        return s;
    }

    /** Brings the counts of {@code km}'s slots up to date with the matches it now holds. */
    void update(KeyMatches km) {
        long counted = 0;
        if (km.holdsMatches()) {
            counted = 1;
            long[] m = masks;
            if (m.length > 1) {
                long bits = waitBits.applyAsLong(km);
                for (int s = 1; s < m.length; s++) {
                    if ((bits & m[s]) != 0) {
                        counted |= 1L << s;
                    }
                }
            }
        }
        long changed = counted ^ km.countedInSlots;
        if (changed != 0) {
            km.countedInSlots = counted;
            int i = index(km.key());
            while (changed != 0) {
                int s = Long.numberOfTrailingZeros(changed);
                changed &= changed - 1;
                counts[s][i] += (counted & (1L << s)) != 0 ? 1 : -1;
            }
        }
    }
}
