package dev.runnel.cep.operator;

import dev.runnel.cep.nfa.KeyMatches;

/**
 * Which keys hold partial or completed matches, summarised by hash slot, so that a buffered event
 * that can start nothing ({@link dev.runnel.cep.nfa.Nfa#NEVER_STARTS}) is mostly dismissed, when the
 * watermark releases it, without the key map lookup, the key's {@link KeyMatches} or the event itself
 * being read: all three have usually left the cache by then (W6: 90% of events, each waiting about
 * 300 ms). Such an event is buffered with its key's {@link Slot} as its timer key; a slot counts the
 * keys hashed to it that hold matches, and only a non-zero count sends the event down the full path.
 *
 * <p>{@link #update} must run after every change of a key's matches (the operator's {@code afterKey}
 * and restore), so that a count is exact whenever a buffered event is released.
 */
final class KeySlots {
    /** Enough slots that, with a thousand keys holding matches, about 94% of slots are empty. */
    private static final int SLOTS = 1 << 14;

    /** A timer key standing for every key that hashes here; compared by identity only. */
    static final class Slot {
        final int index;
        /** Keys in this slot whose {@link KeyMatches} hold partial or completed matches. */
        int keysWithMatches;

        Slot(int index) {
            this.index = index;
        }

        @Override
        public int hashCode() {
            return index; // the state backend hashes timer keys; identity hashing would write the object header
        }

        @Override
        public String toString() {
            return "cep-key-slot-" + index;
        }
    }

    private final Slot[] slots = new Slot[SLOTS];

    KeySlots() {
        for (int i = 0; i < SLOTS; i++) {
            slots[i] = new Slot(i);
        }
    }

    Slot of(Object key) {
        int h = key instanceof Long l ? Long.hashCode(l * 0x9E3779B97F4A7C15L) : key.hashCode() * 0x9E3779B9;
        return slots[(h ^ (h >>> 16)) & (SLOTS - 1)];
    }

    /** Brings the count of {@code km}'s slot up to date with whether it now holds matches. */
    void update(KeyMatches km) {
        boolean holds = km.holdsMatches();
        if (holds != km.countedInSlot) {
            km.countedInSlot = holds;
            of(km.key()).keysWithMatches += holds ? 1 : -1;
        }
    }

    /** Forgets every count (the keys are being restored anew). */
    void clear() {
        for (Slot s : slots) {
            s.keysWithMatches = 0;
        }
    }
}
