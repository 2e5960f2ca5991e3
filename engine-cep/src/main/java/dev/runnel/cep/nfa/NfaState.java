package dev.runnel.cep.nfa;

import java.util.ArrayList;
import java.util.List;

/**
 * A state of the compiled automaton. {@code stage} is the pattern stage whose events it takes (the
 * name matches are keyed by); several states may share a stage (a looping stage has a looping state
 * and an "ignoring" twin, a times stage one state per count).
 */
public final class NfaState {
    public enum Type {
        NORMAL,
        /** Reaching it completes a match. */
        FINAL,
        /** Reaching it kills the branch (a NOT stage matched). */
        STOP,
        /** Waits for a trailing notFollowedBy: becomes a match when the window expires. */
        PENDING
    }

    final int id;
    final String stage;
    final Type type;
    boolean start;
    /**
     * Bound in millis between the previous event and the next one this state takes: the stage's
     * PREVIOUS_AND_CURRENT within and/or its {@link #timesWindow}, whichever is shorter; 0 if none.
     */
    long stageWindow;
    /** Window between consecutive events of a times/looping stage, where Flink applies it; 0 if none. */
    long timesWindow;
    final List<Transition> transitions = new ArrayList<>(3);
    Transition[] edges = new Transition[0];
    /** Whether any PROCEED edge leaves this state (else no final state can follow a TAKE into it). */
    boolean hasProceed;
    /**
     * Whether every condition the decision graph from this state can test is simple, so that the
     * edges an event follows from here are the same for every partial match waiting here.
     */
    boolean simpleGraph;

    NfaState(int id, String stage, Type type) {
        this.id = id;
        this.stage = stage;
        this.type = type;
    }

    void addTransition(Transition.Action action, NfaState target, Cond cond) {
        transitions.add(new Transition(action, this, target, cond));
    }

    void freeze() {
        edges = transitions.toArray(new Transition[0]);
        for (Transition t : edges) {
            hasProceed |= t.action == Transition.Action.PROCEED;
        }
    }

    /** Computes {@link #simpleGraph} once all states are frozen. */
    void analyse() {
        simpleGraph = allSimple(this, new java.util.HashSet<>());
    }

    private static boolean allSimple(NfaState s, java.util.Set<NfaState> seen) {
        if (!seen.add(s)) {
            return true;
        }
        for (Transition t : s.edges) {
            if (!t.cond.simple) {
                return false;
            }
            if (t.action == Transition.Action.PROCEED && !allSimple(t.target, seen)) {
                return false;
            }
        }
        return true;
    }

    public String stage() {
        return stage;
    }

    public Type type() {
        return type;
    }

    public boolean isStart() {
        return start;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder().append('s').append(id).append('(').append(stage).append(' ').append(type)
            .append(start ? " start" : "").append(")");
        for (Transition t : transitions) {
            sb.append(" ").append(t.action).append("->s").append(t.target.id).append('[').append(t.cond).append(']');
        }
        return sb.toString();
    }
}
