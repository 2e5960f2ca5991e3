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
    private NfaState[] stack = new NfaState[8];
    private boolean dropsIrrelevant;
    private boolean keepAll;
    /** False once the owning {@link Nfa} stopped starting partial matches. */
    boolean starting = true;

    ArrivalChecks(NfaState[] states, StateDecisions decisions, ConditionEvaluator eval, NfaState start) {
        this.states = states;
        this.waitStates = StateDecisions.waitStates(states);
        this.decisions = decisions;
        this.eval = eval;
        this.start = start;
    }

    /** Set when the owning NFA gets its handler: whether a skip strategy or timeouts hold matches back. */
    void configure(boolean skipping, boolean handleTimeouts) {
        keepAll = Boolean.getBoolean(KEEP_ALL_EVENTS);
        dropsIrrelevant = !keepAll && canDropIrrelevant(skipping, handleTimeouts);
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
     * {@link #irrelevant} and {@link #startsMatch} in one evaluation. {@link #NEVER_STARTS} is given only
     * where the start state decides on simple conditions (functions of the event alone), so the answer
     * cannot differ when the event is fed; a start-state change can only be the NFA stopping to start,
     * which makes it true anyway.
     */
    byte classify(Object value, long ts) {
        eval.startEvent(value, ts);
        eval.forPath(null);
        if (dropsIrrelevant && everyWaitStateStays()) {
            return startsMatchOnCurrentEvent() ? MAY_START : DROP;
        }
        if (!start.simpleGraph || !starting || keepAll) {
            return MAY_START;
        }
        return startsMatchOnCurrentEvent() ? MAY_START : NEVER_STARTS;
    }

    /**
     * Whether the event would start a partial match (or complete a one-stage match) for a key that
     * has none: lets the operator skip keys without state for most events, creating nothing.
     */
    boolean startsMatch(Object value, long ts) {
        if (!starting) {
            return false;
        }
        eval.startEvent(value, ts);
        eval.forPath(null);
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

    private boolean canDropIrrelevant(boolean skipping, boolean handleTimeouts) {
        if (skipping || handleTimeouts) {
            return false;
        }
        for (NfaState st : states) {
            if (!st.simpleGraph || st.type == NfaState.Type.PENDING) {
                return false;
            }
        }
        for (NfaState st : waitStates) {
            if (!StateDecisions.canStay(st)) {
                return false; // a strict stage (next) acts on every event: none is ever irrelevant, so don't look
            }
        }
        return true;
    }
}
