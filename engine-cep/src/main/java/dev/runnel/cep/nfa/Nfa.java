package dev.runnel.cep.nfa;

import dev.runnel.cep.pattern.AfterMatchSkipStrategy;
import java.util.function.LongSupplier;

/**
 * Runs a {@link CompiledPattern} over the events of many keys, one key at a time, with Flink CEP's
 * semantics: for each event every open partial match of the key follows the edges whose conditions
 * hold (PROCEED edges are explored first, without consuming), so it may stay, branch, complete or
 * die; the always-present start run may begin a new partial match. {@link #advanceTime} prunes
 * partial matches whose {@code within} expired (bounds are exclusive) and turns trailing
 * notFollowedBy runs into matches.
 *
 * <p>Unlike Flink, a step allocates only what it keeps: simple conditions are evaluated once per
 * event, a run that only skips the event is kept as is, and scratch arrays are reused. Partial
 * matches of a key are kept sorted by their first event, which makes the skip strategies' "earliest
 * first" rule a look at the head of a list. One instance per operator instance; not thread-safe.
 */
public final class Nfa {
    private final CompiledPattern pattern;
    private final AfterMatchSkipStrategy skip;
    private final boolean skipping;
    private final long windowTime;
    private final ConditionEvaluator eval;
    private final SharedBuffer buffer = new SharedBuffer();
    private final PartialMatch startRun;
    private boolean handleTimeouts;
    private long livePartials;

    // scratch, reused for every step
    private Transition[] edges = new Transition[8];
    private NfaState[] stack = new NfaState[8];
    private PartialMatch[] next = new PartialMatch[8];
    private int[] nextIds = new int[8];
    private int nextSize;
    private PartialMatch[] results = new PartialMatch[8];
    private PartialMatch[] matches = new PartialMatch[4];
    private int matchCount;
    private PartialMatch[] expired = new PartialMatch[4];
    private final MatchOutput output;
    private final NfaState[] states;
    private final StateDecisions decisions;
    /** What an arriving event can do, decided before it waits for the watermark. */
    private final ArrivalChecks arrival;
    /** System property that turns {@link #irrelevant} and {@link #NEVER_STARTS} off, so tests can compare both ways. */
    public static final String KEEP_ALL_EVENTS = ArrivalChecks.KEEP_ALL_EVENTS;
    private Object event;
    private long timestamp;
    private long seq;
    private EventEntry entry;

    public Nfa(CompiledPattern pattern, LongSupplier processingTime) {
        this.pattern = pattern;
        this.skip = pattern.skipStrategy();
        this.skipping = skip.isSkipStrategy();
        this.windowTime = pattern.windowTime();
        this.eval = new ConditionEvaluator(pattern.conditionCount(), processingTime);
        this.startRun = new PartialMatch(pattern.start(), null, Long.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE);
        this.states = pattern.states().toArray(new NfaState[0]);
        this.decisions = new StateDecisions(states, eval);
        this.output = new MatchOutput(skip, buffer);
        this.arrival = new ArrivalChecks(states, decisions, eval, pattern.start());
    }

    /**
     * From now on no event starts a partial match; open ones go on to their end. Dynamic patterns use
     * this to let the partial matches of a replaced rule version finish.
     */
    public void stopStarting() {
        arrival.stopStarting();
    }

    /** Where matches go; {@code timeouts} says whether timed-out partial matches are wanted (they cost a materialization). */
    public void setHandler(MatchHandler handler, boolean timeouts) {
        output.handler = handler;
        this.handleTimeouts = timeouts;
        arrival.configure(skipping, timeouts);
    }

    public CompiledPattern pattern() {
        return pattern;
    }

    /** Open partial matches over all keys. */
    public long partialMatches() {
        return livePartials;
    }

    /** A key's state was restored from a checkpoint: count what it holds. */
    void restored(int partials, long nodes, long events) {
        livePartials += partials;
        buffer.restored(nodes, events);
    }

    /** Distinct events held by partial matches over all keys. */
    public long heldEvents() {
        return buffer.liveEvents();
    }

    /**
     * How coarse the operator's timeout timers may be: a timer at or after a deadline is as good as
     * one at it (it fires after every earlier event, which is all pruning needs), and rounding
     * deadlines up to a 64th of the shortest window lets keys share timer buckets.
     */
    public long timerGranularity() {
        long shortest = windowTime > 0 ? windowTime : Long.MAX_VALUE;
        for (NfaState st : states) {
            if (st.stageWindow > 0) {
                shortest = Math.min(shortest, st.stageWindow);
            }
        }
        return shortest == Long.MAX_VALUE ? 1 : Math.max(1, shortest / 64);
    }

    /** {@link #classify}: the event may be dropped (see {@link #irrelevant}). */
    public static final byte DROP = ArrivalChecks.DROP;
    /** {@link #classify}: the event may start a partial match; only the full look when it is fed can tell. */
    public static final byte MAY_START = ArrivalChecks.MAY_START;
    /** {@link #classify}: the event starts nothing, so it matters only to a key that holds partial or completed matches when it is fed. */
    public static final byte NEVER_STARTS = ArrivalChecks.NEVER_STARTS;

    /** Whether the event can be dropped on arrival (see {@link ArrivalChecks#irrelevant}). */
    public boolean irrelevant(Object value, long ts) {
        return arrival.irrelevant(value, ts);
    }

    /** What an arriving event can do: {@link #DROP}, {@link #MAY_START} or {@link #NEVER_STARTS} (see {@link ArrivalChecks#classify}). */
    public byte classify(Object value, long ts) {
        return arrival.classify(value, ts);
    }

    /**
     * For an event {@link #classify} just found {@link #NEVER_STARTS}: the wait states whose partial
     * matches it kills, every other one only skipping it, as bits that {@link #waitBits} uses too; -1
     * if it may do more, or is not known.
     */
    public long dieMask() {
        return arrival.dieMask;
    }

    /** Bits of the wait states the key's partial matches are in (-1 if it holds a completed match): see {@link #dieMask}. */
    public long waitBits(KeyMatches key) {
        return arrival.waitBits(key);
    }

    /** True if {@link #advanceTime} at {@code time} would change something for this key. */
    public boolean needsAdvance(KeyMatches key, long time) {
        return key.deadline <= time || key.completedSize > 0;
    }

    /** Whether the event would start a partial match for a key that has none (see {@link ArrivalChecks#startsMatch}). */
    public boolean startsMatch(Object value, long ts) {
        return arrival.startsMatch(value, ts, 0);
    }

    /** {@link #startsMatch(Object, long)} for an event whose condition values {@link #knownValues} gave on arrival. */
    public boolean startsMatch(Object value, long ts, int knownValues) {
        return arrival.startsMatch(value, ts, knownValues);
    }

    /**
     * For the event {@link #classify} just looked at: its condition values, to be given back to
     * {@link #process(KeyMatches, Object, long, int)} and {@link #startsMatch(Object, long, int)} when
     * it is fed, so that they need not read the event again; 0 if they are not known.
     */
    public int knownValues() {
        return arrival.knownValues;
    }

    /** Feeds one event (events of a key must come in timestamp order); prunes expired partial matches first. */
    public void process(KeyMatches key, Object value, long ts) {
        process(key, value, ts, 0);
    }

    /** {@link #process(KeyMatches, Object, long)} for an event whose condition values {@link #knownValues} gave on arrival. */
    public void process(KeyMatches key, Object value, long ts, int knownValues) {
        if (needsAdvance(key, ts)) {
            advanceTime(key, ts);
        }
        event = value;
        timestamp = ts;
        seq = key.nextSeq++;
        entry = null;
        eval.startEvent(value, ts);
        arrival.preset(knownValues);
        nextSize = 0;
        matchCount = 0;
        PartialMatch[] runs = key.partials;
        int[] ids = key.stateIds;
        int n = key.size;
        boolean allStay = true;
        for (int i = 0; i < n; i++) {
            int sid = ids[i];
            if (!decisions.simple(sid) || decisions.decide(states[sid]) != StateDecisions.STAY) {
                allStay = false;
                break;
            }
        }
        if (allStay) {
            // the common case: every open partial match only skips this event; only the start run can add one
            if (arrival.starting) {
                step(startRun, true);
            }
            if (nextSize > 0) {
                long deadline = key.deadline;
                for (int i = 0; i < nextSize; i++) {
                    PartialMatch pm = next[i];
                    key.partials = grow(key.partials, key.size);
                    if (key.stateIds.length <= key.size) {
                        key.stateIds = java.util.Arrays.copyOf(key.stateIds, key.partials.length);
                    }
                    key.partials[key.size] = pm;
                    key.stateIds[key.size++] = pm.state.id;
                    deadline = Math.min(deadline, deadlineOf(pm));
                    next[i] = null;
                }
                livePartials += nextSize;
                key.deadline = deadline;
            }
        } else {
            for (int i = 0; i < n; i++) {
                PartialMatch pm = runs[i];
                runs[i] = null;
                int sid = ids[i];
                if (decisions.simple(sid)) {
                    // partial matches waiting in one state all do the same with this event: decide once
                    byte d = decisions.decide(states[sid]);
                    if (d == StateDecisions.STAY) {
                        addNext(pm);
                        continue;
                    } else if (d == StateDecisions.DIE) {
                        buffer.release(pm.node);
                        continue;
                    }
                }
                step(pm, false);
            }
            if (arrival.starting) {
                step(startRun, true);
            }
            // swap the new runs in; the old arrays become the next scratch
            key.partials = next;
            key.stateIds = nextIds;
            next = runs;
            nextIds = ids;
            livePartials += nextSize - n;
            key.size = nextSize;
            key.deadline = computeDeadline(key);
        }
        nextSize = 0;
        event = null;
        entry = null;
        if (matchCount > 0) {
            for (int i = 0; i < matchCount; i++) {
                matches[i].matchTimestamp = ts;
            }
            if (skipping) {
                output.addCompleted(key, matches, matchCount);
                livePartials -= output.drainCompleted(key);
            } else {
                for (int i = 0; i < matchCount; i++) {
                    output.emit(matches[i]);
                }
            }
            java.util.Arrays.fill(matches, 0, matchCount, null);
            matchCount = 0;
        }
        if (key.completedSize > 0 && !skipping) {
            livePartials -= output.drainCompleted(key);
        }
    }

    private void addNext(PartialMatch pm) {
        next = grow(next, nextSize);
        if (nextIds.length <= nextSize) {
            nextIds = java.util.Arrays.copyOf(nextIds, next.length);
        }
        next[nextSize] = pm;
        nextIds[nextSize++] = pm.state.id;
    }

    private long deadlineOf(PartialMatch pm) {
        long deadline = windowTime > 0 ? pm.startTimestamp + windowTime : Long.MAX_VALUE;
        long sw = pm.state.stageWindow;
        return sw > 0 ? Math.min(deadline, pm.previousTimestamp + sw) : deadline;
    }

    /**
     * Time reached {@code time} for this key: partial matches whose window expired are dropped (and
     * reported as timed out), trailing-notFollowedBy runs become matches, and completed matches no
     * longer held back by an earlier partial match are emitted.
     */
    public void advanceTime(KeyMatches key, long time) {
        PartialMatch[] runs = key.partials;
        int n = key.size;
        int kept = 0;
        int expiredCount = 0;
        int pendingCount = 0;
        for (int i = 0; i < n; i++) {
            PartialMatch pm = runs[i];
            long stageWindow = pm.state.stageWindow;
            boolean previousExpired = stageWindow > 0 && time - pm.previousTimestamp >= stageWindow;
            boolean firstExpired = windowTime > 0 && time - pm.startTimestamp >= windowTime;
            if (previousExpired || firstExpired) {
                if (pm.state.type == NfaState.Type.PENDING) {
                    // a trailing notFollowedBy held until its window closed: the match is complete at that instant
                    pm.matchTimestamp = previousExpired ? pm.previousTimestamp + stageWindow : pm.startTimestamp + windowTime;
                    matches = grow(matches, pendingCount);
                    matches[pendingCount++] = pm;
                } else {
                    // reuse the timestamp field: when it expired
                    pm.previousTimestamp = previousExpired ? pm.previousTimestamp + stageWindow : pm.startTimestamp + windowTime;
                    expired = grow(expired, expiredCount);
                    expired[expiredCount++] = pm;
                }
            } else {
                key.stateIds[kept] = key.stateIds[i];
                runs[kept++] = pm;
            }
        }
        java.util.Arrays.fill(runs, kept, n, null);
        key.size = kept;
        livePartials -= n - kept;
        if (pendingCount > 0) {
            output.addCompleted(key, matches, pendingCount);
            java.util.Arrays.fill(matches, 0, pendingCount, null);
        }
        if (key.completedSize > 0) {
            livePartials -= output.drainCompleted(key);
        }
        for (int i = 0; i < expiredCount; i++) {
            PartialMatch pm = expired[i];
            if (handleTimeouts) {
                output.timeout(pm);
            }
            buffer.release(pm.node);
            expired[i] = null;
        }
        key.deadline = computeDeadline(key);
    }

    /** Drops everything a key holds (the operator does this when a key is discarded). */
    public void clear(KeyMatches key) {
        for (int i = 0; i < key.size; i++) {
            buffer.release(key.partials[i].node);
            key.partials[i] = null;
        }
        livePartials -= key.size;
        key.size = 0;
        for (int i = 0; i < key.completedSize; i++) {
            buffer.release(key.completed[i].node);
            key.completed[i] = null;
        }
        key.completedSize = 0;
        key.deadline = Long.MAX_VALUE;
    }

    private long computeDeadline(KeyMatches key) {
        long deadline = Long.MAX_VALUE;
        PartialMatch[] runs = key.partials;
        for (int i = 0, n = key.size; i < n; i++) {
            deadline = Math.min(deadline, deadlineOf(runs[i]));
        }
        return deadline;
    }


    /** One partial match consumes the current event: explore edges, create successors, classify them. */
    private void step(PartialMatch pm, boolean isStart) {
        eval.forPath(pm.node);
        int edgeCount = 0;
        int sp = 0;
        stack[sp++] = pm.state;
        while (sp > 0) {
            NfaState s = stack[--sp];
            for (Transition t : s.edges) {
                if (eval.test(t.cond)) {
                    if (t.action == Transition.Action.PROCEED) {
                        stack = grow(stack, sp);
                        stack[sp++] = t.target;
                    } else {
                        edges = grow(edges, edgeCount);
                        edges[edgeCount++] = t;
                    }
                }
            }
        }
        if (edgeCount == 0) {
            if (!isStart) {
                buffer.release(pm.node);
            }
            return;
        }
        int resultCount = 0;
        boolean reused = false;
        for (int i = 0; i < edgeCount; i++) {
            Transition e = edges[i];
            edges[i] = null;
            if (e.action == Transition.Action.IGNORE) {
                if (isStart) {
                    continue;
                }
                if (e.target == pm.state && !reused) {
                    reused = true;
                    results = grow(results, resultCount);
                    results[resultCount++] = pm;
                } else {
                    buffer.retain(pm.node);
                    results = grow(results, resultCount);
                    results[resultCount++] = new PartialMatch(e.target, pm.node, pm.startTimestamp, pm.startSeq, pm.previousTimestamp);
                }
            } else {
                if (entry == null) {
                    entry = new EventEntry(event, timestamp, seq);
                }
                PathNode node = buffer.take(pm.node, entry, e.source.stage);
                long startTs = isStart ? timestamp : pm.startTimestamp;
                long startSeq = isStart ? seq : pm.startSeq;
                node.refs++;
                results = grow(results, resultCount + 1);
                results[resultCount++] = new PartialMatch(e.target, node, startTs, startSeq, timestamp);
                NfaState fin = e.target.hasProceed ? finalStateAfterProceed(e.target) : null;
                if (fin != null) {
                    node.refs++;
                    results[resultCount++] = new PartialMatch(fin, node, startTs, startSeq, timestamp);
                }
            }
        }
        boolean discard = false;
        int retainFrom = nextSize;
        for (int i = 0; i < resultCount; i++) {
            PartialMatch r = results[i];
            results[i] = null;
            switch (r.state.type) {
                case FINAL -> {
                    matches = grow(matches, matchCount);
                    matches[matchCount++] = r;
                }
                case STOP -> {
                    discard = true;
                    buffer.release(r.node);
                }
                default -> addNext(r);
            }
        }
        if (discard) {
            // a NOT stage matched on this branch: everything it would have continued with dies
            for (int i = retainFrom; i < nextSize; i++) {
                buffer.release(next[i].node);
                next[i] = null;
            }
            nextSize = retainFrom;
        }
        if (!isStart && !reused) {
            buffer.release(pm.node);
        }
    }

    /** A final state reachable from {@code state} through PROCEED edges whose conditions hold (optional tails). */
    private NfaState finalStateAfterProceed(NfaState state) {
        int sp = 0;
        stack[sp++] = state;
        while (sp > 0) {
            NfaState s = stack[--sp];
            for (Transition t : s.edges) {
                if (t.action == Transition.Action.PROCEED && eval.test(t.cond)) {
                    if (t.target.type == NfaState.Type.FINAL) {
                        return t.target;
                    }
                    stack = grow(stack, sp);
                    stack[sp++] = t.target;
                }
            }
        }
        return null;
    }

    static <X> X[] grow(X[] array, int index) {
        if (index < array.length) {
            return array;
        }
        return java.util.Arrays.copyOf(array, Math.max(8, array.length * 2));
    }
}
