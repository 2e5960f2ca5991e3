package dev.runnel.cep.nfa;

/**
 * What an arriving event can do, decided while it is still in the cache, before it waits for the
 * watermark: be dropped (it starts nothing and every partial match would only skip it), possibly start
 * a partial match, or certainly start none. Reads the pattern's states through the same
 * {@link ConditionEvaluator} as the {@link Nfa} that owns it, and keeps its own scratch stack.
 */
final class ArrivalChecks {
    /** System property that turns dropping and {@link #NEVER_STARTS} off, so tests can compare both ways. */
    static final String KEEP_ALL_EVENTS = "runnel.cep.keepAllEvents";
    static final byte DROP = 0;
    static final byte MAY_START = 1;
    static final byte NEVER_STARTS = 2;

    private final NfaState[] states;
    private final NfaState[] waitStates;
    private final StateDecisions decisions;
    private final ConditionEvaluator eval;
    private final NfaState start;
    /** By state id: the bit of a wait state in a {@link #dieMask}, or every bit for a state that is not one. */
    private final long[] waitBitById;
    private NfaState[] stack = new NfaState[8];
    private boolean dropsIrrelevant;
    /** Whether {@link #dieMask} is computed: the conditions of dropping, except that strict stages are allowed. */
    private boolean killsOnly;
    private boolean keepAll;
    /**
     * For the last event {@link #classify} found {@link #NEVER_STARTS}: the wait states (bits by
     * their index in {@code waitStates}) whose partial matches the event kills, every other wait
     * state only skipping it; or -1 if it may do more somewhere, or is not known.
     */
    long dieMask = -1L;
    /**
     * The pattern's user conditions, if few: where every state decides on simple conditions, what
     * {@link #classify} answers is a function of their values, so it is worked out once per
     * combination of values, not per event (walking each wait state's edges for every event cost
     * more than the dismissals it allows saved).
     */
    private final Cond[] leaves;
    private final byte[] kindByValues;
    private final long[] dieMaskByValues;
    private final boolean[] classified;
    private static final int MAX_LEAVES = 8;
    /**
     * For the last event {@link #classify} looked at: the values of the pattern's user conditions as
     * bits, with {@link #KNOWN} set; 0 if they are not known. Where every state decides on simple
     * conditions these values are all that feeding the event evaluates, so the operator keeps them with
     * the buffered event and {@link #preset}s them when the event is fed, instead of reading the event
     * again after it has left the cache.
     */
    int knownValues;
    static final int KNOWN = 1 << 30;

    /** False once the owning {@link Nfa} stopped starting partial matches ({@link #stopStarting}). */
    boolean starting = true;

    ArrivalChecks(NfaState[] states, StateDecisions decisions, ConditionEvaluator eval, NfaState start) {
        this.states = states;
        this.waitStates = StateDecisions.waitStates(states);
        this.waitBitById = new long[states.length];
        java.util.Arrays.fill(waitBitById, -1L);
        for (int i = 0; i < waitStates.length && i < Long.SIZE; i++) {
            waitBitById[waitStates[i].id] = 1L << i;
        }
        Cond[] users = userConditions(states);
        this.leaves = users.length <= MAX_LEAVES ? users : null;
        this.kindByValues = new byte[leaves == null ? 0 : 1 << leaves.length];
        this.dieMaskByValues = new long[kindByValues.length];
        this.classified = new boolean[kindByValues.length];
        this.decisions = decisions;
        this.eval = eval;
        this.start = start;
    }

    /** Set when the owning NFA gets its handler: whether a skip strategy or timeouts hold matches back. */
    void configure(boolean skipping, boolean handleTimeouts) {
        keepAll = Boolean.getBoolean(KEEP_ALL_EVENTS);
        killsOnly = !keepAll && pruningIsSilent(skipping, handleTimeouts) && waitStates.length <= Long.SIZE;
        dropsIrrelevant = killsOnly && everyWaitStateCanStay();
    }

    /**
     * Whether the event can be dropped on arrival, before it waits for the watermark: it starts no
     * partial match and every partial match of any key would only skip it. Then feeding it later
     * could only prune expired partial matches, which the key's timeout timer does as well; so this
     * holds only where pruning emits nothing (no timeout handler, no trailing notFollowedBy, no skip
     * strategy holding matches back) and every state decides on simple conditions. For relaxed
     * patterns most events are such, and they then cost no buffering, no timer and no second look.
     */
    boolean irrelevant(Object value, long ts) {
        if (!dropsIrrelevant) {
            return false;
        }
        eval.startEvent(value, ts);
        eval.forPath(null);
        return everyWaitStateStays() && !startsMatchOnCurrentEvent();
    }

    /**
     * {@link #irrelevant} and {@link #startsMatch} in one evaluation, with the {@link #dieMask} of an
     * event that starts nothing. {@link #NEVER_STARTS} is given only where the start state decides on
     * simple conditions (functions of the event alone), so the answer cannot differ when the event is
     * fed; a start-state change can only be the NFA stopping to start, which makes it true anyway.
     * Where every state decides on simple conditions the answer is a function of the values of the
     * pattern's few user conditions, and is looked up by them.
     */
    byte classify(Object value, long ts) {
        eval.startEvent(value, ts);
        eval.forPath(null);
        knownValues = 0;
        if (killsOnly && leaves != null) {
            int values = leafValues();
            if (values >= 0) {
                knownValues = KNOWN | values;
                if (!classified[values]) {
                    kindByValues[values] = evaluate();
                    dieMaskByValues[values] = dieMask;
                    classified[values] = true;
                }
                dieMask = dieMaskByValues[values];
                return kindByValues[values];
            }
        }
        return evaluate();
    }

    /** Presets the condition values {@link #knownValues} gave for an event about to be evaluated; 0 presets nothing. */
    void preset(int known) {
        if ((known & KNOWN) != 0) {
            for (int i = 0; i < leaves.length; i++) {
                eval.preset(leaves[i], (known & (1 << i)) != 0);
            }
        }
    }

    /** The values of the pattern's user conditions as bits, or -1 if one fails (the full evaluation then decides). */
    private int leafValues() {
        try {
            int values = 0;
            for (int i = 0; i < leaves.length; i++) {
                if (eval.test(leaves[i])) {
                    values |= 1 << i;
                }
            }
            return values;
        } catch (ConditionFailedException e) {
            return -1;
        }
    }

    private byte evaluate() {
        dieMask = -1L;
        if (dropsIrrelevant && everyWaitStateStays()) {
            return startsMatchOnCurrentEvent() ? MAY_START : DROP;
        }
        if (!start.simpleGraph || !starting || keepAll) {
            return MAY_START;
        }
        if (startsMatchOnCurrentEvent()) {
            return MAY_START;
        }
        if (killsOnly) {
            dieMask = dieMaskOrUnknown();
            if (dieMask == 0) {
                return DROP; // every wait state only skips it: irrelevant, as above
            }
        }
        return NEVER_STARTS;
    }

    /** From now on no event starts a partial match: forget the answers that assumed one could. */
    void stopStarting() {
        starting = false;
        java.util.Arrays.fill(classified, false);
    }

    /**
     * {@link #dieMask()}, or -1 (unknown: the event takes the full path when released) if a condition
     * fails, so that a condition is never made to fail on an event the matcher would not have shown it.
     */
    private long dieMaskOrUnknown() {
        try {
            return dieMask();
        } catch (ConditionFailedException e) {
            return -1L;
        }
    }

    private static Cond[] userConditions(NfaState[] states) {
        java.util.Map<Integer, Cond> found = new java.util.TreeMap<>();
        java.util.ArrayDeque<Cond> todo = new java.util.ArrayDeque<>();
        for (NfaState st : states) {
            for (Transition t : st.edges) {
                todo.push(t.cond);
            }
        }
        while (!todo.isEmpty()) {
            Cond c = todo.pop();
            if (c.kind == Cond.Kind.USER) {
                found.put(c.id, c);
            }
            if (c.left != null) {
                todo.push(c.left);
            }
            if (c.right != null) {
                todo.push(c.right);
            }
        }
        return found.values().toArray(new Cond[0]);
    }

    /**
     * The wait states whose partial matches the current event kills, if every other one only skips
     * it; -1 if some state would do more. W6's strict {@code next} kills on every other event type, but
     * the relaxed stages of {@code times(4)} only skip them: such an event matters only to a key with
     * a partial match in the strict stage, which the operator's per-slot counts can tell.
     */
    private long dieMask() {
        long mask = 0;
        for (int i = 0; i < waitStates.length; i++) {
            byte d = decisions.decide(waitStates[i]);
            if (d == StateDecisions.DIE) {
                mask |= 1L << i;
            } else if (d != StateDecisions.STAY) {
                return -1L;
            }
        }
        return mask;
    }

    /** The wait-state bits of a key's partial matches (see {@link #dieMask}); -1 if a completed match is held. */
    long waitBits(KeyMatches key) {
        if (key.completedSize > 0) {
            return -1L;
        }
        long bits = 0;
        int[] ids = key.stateIds;
        for (int i = 0; i < key.size; i++) {
            bits |= waitBitById[ids[i]];
        }
        return bits;
    }

    /**
     * Whether the event would start a partial match (or complete a one-stage match) for a key that
     * has none: lets the operator skip keys without state for most events, creating nothing.
     */
    boolean startsMatch(Object value, long ts, int known) {
        if (!starting) {
            return false;
        }
        eval.startEvent(value, ts);
        eval.forPath(null);
        preset(known);
        return startsMatchOnCurrentEvent();
    }

    private boolean everyWaitStateStays() {
        for (NfaState st : waitStates) {
            if (decisions.decide(st) != StateDecisions.STAY) {
                return false;
            }
        }
        return true;
    }

    private boolean startsMatchOnCurrentEvent() {
        int sp = 0;
        stack[sp++] = start;
        while (sp > 0) {
            NfaState s = stack[--sp];
            for (Transition t : s.edges) {
                if (t.action != Transition.Action.IGNORE && eval.test(t.cond)) {
                    if (t.action == Transition.Action.TAKE) {
                        return true;
                    }
                    stack = Nfa.grow(stack, sp);
                    stack[sp++] = t.target;
                }
            }
        }
        return false;
    }

    /**
     * Whether feeding an event that only skips or kills partial matches could do nothing else but
     * prune expired ones, which emits nothing and which the key's timeout timer does as well.
     */
    private boolean pruningIsSilent(boolean skipping, boolean handleTimeouts) {
        if (skipping || handleTimeouts) {
            return false;
        }
        for (NfaState st : states) {
            if (!st.simpleGraph || st.type == NfaState.Type.PENDING) {
                return false;
            }
        }
        return true;
    }

    private boolean everyWaitStateCanStay() {
        for (NfaState st : waitStates) {
            if (!StateDecisions.canStay(st)) {
                return false; // a strict stage (next) acts on every event: none is ever irrelevant, so don't look
            }
        }
        return true;
    }
}
