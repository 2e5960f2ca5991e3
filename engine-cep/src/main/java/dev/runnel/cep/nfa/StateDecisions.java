package dev.runnel.cep.nfa;

/**
 * Per state and event, what every partial match waiting in a state does with the current event —
 * only skip it ({@link #STAY}), die ({@link #DIE}), or something that needs a real step
 * ({@link #GENERAL}) — for states whose decision graph has simple conditions only, where the answer
 * is the same for all of them. Decided once per state and event (cached by the evaluator's event
 * epoch), so a key with many partial matches in one state pays one walk, not one per match.
 */
final class StateDecisions {
    static final byte STAY = 1;
    static final byte DIE = 2;
    static final byte GENERAL = 3;

    private final ConditionEvaluator eval;
    private final boolean[] simpleById;
    private final int[] decisionEpoch;
    private final byte[] decision;
    private NfaState[] stack = new NfaState[8];

    StateDecisions(NfaState[] states, ConditionEvaluator eval) {
        this.eval = eval;
        this.simpleById = new boolean[states.length];
        for (NfaState st : states) {
            simpleById[st.id] = st.simpleGraph;
        }
        this.decisionEpoch = new int[states.length];
        this.decision = new byte[states.length];
    }

    /** Whether state {@code id} decides on simple conditions only (so {@link #decide} applies to it). */
    boolean simple(int id) {
        return simpleById[id];
    }

    /** Targets of TAKE and IGNORE edges that are not final: where partial matches wait for events. */
    static NfaState[] waitStates(NfaState[] states) {
        java.util.LinkedHashSet<NfaState> waits = new java.util.LinkedHashSet<>();
        for (NfaState st : states) {
            for (Transition t : st.edges) {
                if (t.action != Transition.Action.PROCEED && t.target.type != NfaState.Type.FINAL
                        && t.target.type != NfaState.Type.STOP) {
                    waits.add(t.target);
                }
            }
        }
        return waits.toArray(new NfaState[0]);
    }

    /** Whether some event could leave partial matches in {@code st} in place: an IGNORE loop back to it, reached through PROCEED edges. */
    static boolean canStay(NfaState st) {
        java.util.ArrayDeque<NfaState> todo = new java.util.ArrayDeque<>(java.util.List.of(st));
        java.util.Set<NfaState> seen = new java.util.HashSet<>();
        while (!todo.isEmpty()) {
            NfaState s = todo.pop();
            if (!seen.add(s)) {
                continue;
            }
            for (Transition t : s.edges) {
                if (t.action == Transition.Action.PROCEED) {
                    todo.push(t.target);
                } else if (t.action == Transition.Action.IGNORE && t.target == st) {
                    return true;
                }
            }
        }
        return false;
    }

    /** For a state with a simple decision graph: does the event only keep its runs in place, kill them, or more? */
    byte decide(NfaState st) {
        int epoch = eval.epoch();
        if (decisionEpoch[st.id] == epoch) {
            return decision[st.id];
        }
        int sp = 0;
        int edgeCount = 0;
        boolean selfIgnoreOnly = true;
        stack[sp++] = st;
        while (sp > 0) {
            NfaState s = stack[--sp];
            for (Transition t : s.edges) {
                if (eval.test(t.cond)) {
                    if (t.action == Transition.Action.PROCEED) {
                        stack = Nfa.grow(stack, sp);
                        stack[sp++] = t.target;
                    } else {
                        edgeCount++;
                        selfIgnoreOnly &= t.action == Transition.Action.IGNORE && t.target == st;
                    }
                }
            }
        }
        byte d = edgeCount == 0 ? DIE : edgeCount == 1 && selfIgnoreOnly ? STAY : GENERAL;
        decisionEpoch[st.id] = epoch;
        decision[st.id] = d;
        return d;
    }
}
