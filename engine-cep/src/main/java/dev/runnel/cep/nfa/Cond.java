package dev.runnel.cep.nfa;

import dev.runnel.cep.pattern.conditions.IterativeCondition;

/**
 * A compiled edge condition: a user condition or a boolean combination the compiler built (NOT for
 * ignore edges, AND for until and greedy). Nodes whose leaves are all simple conditions are
 * "simple": their value depends on the event alone, so {@link ConditionEvaluator} caches it per event
 * and every partial match reuses it.
 */
final class Cond {
    enum Kind { TRUE, USER, AND, OR, NOT }

    final int id;
    final Kind kind;
    final IterativeCondition<Object> user;
    final Cond left;
    final Cond right;
    final boolean simple;

    private Cond(int id, Kind kind, IterativeCondition<Object> user, Cond left, Cond right, boolean simple) {
        this.id = id;
        this.kind = kind;
        this.user = user;
        this.left = left;
        this.right = right;
        this.simple = simple;
    }

    /** Creates condition nodes with dense ids (the evaluator's cache index). */
    static final class Factory {
        private int next;
        final Cond alwaysTrue = new Cond(next++, Kind.TRUE, null, null, null, true);
        private final java.util.IdentityHashMap<Object, Cond> users = new java.util.IdentityHashMap<>();

        @SuppressWarnings("unchecked")
        Cond user(IterativeCondition<?> condition, boolean simple) {
            Cond c = users.get(condition);
            if (c == null) {
                c = new Cond(next++, Kind.USER, (IterativeCondition<Object>) condition, null, null, simple);
                users.put(condition, c);
            }
            return c;
        }

        Cond and(Cond a, Cond b) {
            return new Cond(next++, Kind.AND, null, a, b, a.simple && b.simple);
        }

        Cond or(Cond a, Cond b) {
            return new Cond(next++, Kind.OR, null, a, b, a.simple && b.simple);
        }

        Cond not(Cond a) {
            return new Cond(next++, Kind.NOT, null, a, null, a.simple);
        }

        int count() {
            return next;
        }
    }

    @Override
    public String toString() {
        return switch (kind) {
            case TRUE -> "true";
            case USER -> "c" + id;
            case AND -> "(" + left + " & " + right + ")";
            case OR -> "(" + left + " | " + right + ")";
            case NOT -> "!" + left;
        };
    }
}
