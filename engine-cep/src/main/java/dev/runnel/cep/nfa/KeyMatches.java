package dev.runnel.cep.nfa;

/**
 * Everything the matcher keeps for one key: its open partial matches in start order, completed
 * matches held back by an earlier partial match (skip strategies), and the arrival counter that
 * orders its events. The operator adds its own bookkeeping (buffered events, timer). A key whose
 * {@link #isIdle()} holds nothing and is dropped.
 */
public final class KeyMatches {
    private static final PartialMatch[] EMPTY = new PartialMatch[0];

    final Object key;
    PartialMatch[] partials = EMPTY;
    /** State id of each partial match, parallel to {@link #partials}: scanned without touching the runs themselves. */
    int[] stateIds = new int[0];
    int size;
    PartialMatch[] completed = EMPTY;
    int completedSize;
    long nextSeq;
    /** Earliest time a partial match of this key times out; Long.MAX_VALUE if none can. */
    long deadline = Long.MAX_VALUE;

    /** Events of this key waiting in the operator's time-order buffer. */
    public int bufferedEvents;
    /** Time of the earliest timeout timer the operator has registered for this key, Long.MAX_VALUE if none. */
    public long timerAt = Long.MAX_VALUE;
    /** Whether a timeout timer fired during the current watermark and the key still has to advance to it. */
    public boolean timeoutDue;
    /** Events waiting per timestamp when a comparator orders equal timestamps; null otherwise. */
    public org.agrona.collections.Long2ObjectHashMap<java.util.ArrayList<Object>> sameTimestamp;
    /** The operator's per-slot summaries (one bit each) that count this key as holding matches they care about. */
    public long countedInSlots;

    public KeyMatches(Object key) {
        this.key = key;
    }

    public Object key() {
        return key;
    }

    public long deadline() {
        return deadline;
    }

    public int partialMatchCount() {
        return size;
    }

    /** Whether any partial match is open or any completed match is held back. */
    public boolean holdsMatches() {
        return size > 0 || completedSize > 0;
    }

    public boolean isIdle() {
        return size == 0 && completedSize == 0 && bufferedEvents == 0;
    }
}
