package dev.runnel.cep.nfa;

import dev.runnel.cep.pattern.AfterMatchSkipStrategy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The NFA's way out: completed partial matches kept in start order while a skip strategy may still
 * prefer an earlier one, pruning by that strategy, and turning a path of the shared buffer into the
 * user's map of stage to events for {@link MatchHandler}. Scratch arrays are reused from match to
 * match, so a match costs only the map it becomes.
 */
final class MatchOutput {
    private final AfterMatchSkipStrategy skip;
    private final SharedBuffer buffer;
    MatchHandler handler;
    private long[] pathSeqs = new long[8];
    private String[] pathStages = new String[8];
    private Object[] pathEvents = new Object[8];

    MatchOutput(AfterMatchSkipStrategy skip, SharedBuffer buffer) {
        this.skip = skip;
        this.buffer = buffer;
    }

    /** Inserts completed matches keeping start order (stable for equal starts). */
    void addCompleted(KeyMatches key, PartialMatch[] add, int count) {
        for (int i = 0; i < count; i++) {
            PartialMatch m = add[i];
            key.completed = Nfa.grow(key.completed, key.completedSize);
            int pos = key.completedSize;
            while (pos > 0 && key.completed[pos - 1].startSeq > m.startSeq) {
                key.completed[pos] = key.completed[pos - 1];
                pos--;
            }
            key.completed[pos] = m;
            key.completedSize++;
        }
    }

    /**
     * Emits completed matches in start order as long as no open partial match started earlier (it
     * might still complete into an earlier match that the skip strategy would prefer), pruning by the
     * skip strategy after each. Returns how many open partial matches the pruning dropped.
     */
    long drainCompleted(KeyMatches key) {
        long pruned = 0;
        while (key.completedSize > 0) {
            PartialMatch m = key.completed[0];
            if (key.size > 0 && key.partials[0].startSeq < m.startSeq) {
                return pruned;
            }
            System.arraycopy(key.completed, 1, key.completed, 0, key.completedSize - 1);
            key.completed[--key.completedSize] = null;
            int len = collectPath(m.node);
            long pruning = skip.pruningSeq(pathSeqs, pathStages, len);
            if (pruning != AfterMatchSkipStrategy.NO_PRUNING) {
                pruned += prune(key, pruning);
            }
            Map<String, List<Object>> match = materialize(len);
            buffer.release(m.node);
            handler.onMatch(match, m.matchTimestamp);
        }
        return pruned;
    }

    /** Drops what the skip strategy prunes; returns how many open partial matches went. */
    private int prune(KeyMatches key, long pruning) {
        int kept = 0;
        for (int i = 0; i < key.size; i++) {
            PartialMatch pm = key.partials[i];
            if (skip.shouldPrune(pm.startSeq, pruning)) {
                buffer.release(pm.node);
            } else {
                key.stateIds[kept] = key.stateIds[i];
                key.partials[kept++] = pm;
            }
        }
        java.util.Arrays.fill(key.partials, kept, key.size, null);
        int pruned = key.size - kept;
        key.size = kept;
        kept = 0;
        for (int i = 0; i < key.completedSize; i++) {
            PartialMatch pm = key.completed[i];
            if (skip.shouldPrune(pm.startSeq, pruning)) {
                buffer.release(pm.node);
            } else {
                key.completed[kept++] = pm;
            }
        }
        java.util.Arrays.fill(key.completed, kept, key.completedSize, null);
        key.completedSize = kept;
        return pruned;
    }

    void emit(PartialMatch m) {
        int len = collectPath(m.node);
        Map<String, List<Object>> match = materialize(len);
        buffer.release(m.node);
        handler.onMatch(match, m.matchTimestamp);
    }

    /** Reports a partial match whose window expired, as of when it expired. */
    void timeout(PartialMatch pm) {
        handler.onTimeout(materialize(collectPath(pm.node)), pm.previousTimestamp);
    }

    /** Copies a path into the scratch arrays in event order; returns its length. */
    private int collectPath(PathNode node) {
        int len = 0;
        for (PathNode n = node; n != null; n = n.prev) {
            len++;
        }
        if (pathSeqs.length < len) {
            int cap = Math.max(len, pathSeqs.length * 2);
            pathSeqs = new long[cap];
            pathStages = new String[cap];
            pathEvents = new Object[cap];
        }
        int i = len;
        for (PathNode n = node; n != null; n = n.prev) {
            i--;
            pathSeqs[i] = n.entry.seq;
            pathStages[i] = n.stage;
            pathEvents[i] = n.entry.event;
        }
        return len;
    }

    /** Builds the user-facing map: stages in order of their first event (which is pattern order). */
    private Map<String, List<Object>> materialize(int len) {
        Map<String, List<Object>> match = new LinkedHashMap<>();
        for (int i = 0; i < len; i++) {
            List<Object> events = match.get(pathStages[i]);
            if (events == null) {
                events = new ArrayList<>(2);
                match.put(pathStages[i], events);
            }
            events.add(pathEvents[i]);
            pathEvents[i] = null;
        }
        return match;
    }
}
