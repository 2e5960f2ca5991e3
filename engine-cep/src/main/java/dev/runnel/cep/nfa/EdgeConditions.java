package dev.runnel.cep.nfa;

import dev.runnel.cep.pattern.GroupPattern;
import dev.runnel.cep.pattern.Pattern;
import dev.runnel.cep.pattern.Quantifier.ConsumingStrategy;
import dev.runnel.cep.pattern.conditions.AndCondition;
import dev.runnel.cep.pattern.conditions.IterativeCondition;
import dev.runnel.cep.pattern.conditions.OrCondition;
import dev.runnel.cep.pattern.conditions.SimpleCondition;
import java.util.IdentityHashMap;

/**
 * The conditions on the edges {@link NfaCompiler} builds, as Flink's NFACompiler derives them: a
 * stage's take condition, what its contiguity lets it ignore (before its first event, and between
 * the events of a loop), PROCEED edges, and how a group's until condition extends all of them. They
 * depend on the group being compiled, which this class holds while the compiler walks into it.
 */
final class EdgeConditions<T> {
    private final Cond.Factory conds;
    private final IdentityHashMap<GroupPattern<?, ?>, Boolean> firstOfLoop = new IdentityHashMap<>();
    private GroupPattern<T, ?> group;

    EdgeConditions(Cond.Factory conds) {
        this.conds = conds;
    }

    /** The group being compiled, or null outside groups. */
    GroupPattern<T, ?> group() {
        return group;
    }

    void setGroup(GroupPattern<T, ?> group) {
        this.group = group;
    }

    void setFirstOfLoop(GroupPattern<?, ?> g, boolean isFirst) {
        firstOfLoop.put(g, isFirst);
    }

    /** Whether the group being compiled is at its first iteration of a loop (true when not looping). */
    boolean groupFirstOfLoop() {
        Boolean b = firstOfLoop.get(group);
        return b == null || b;
    }

    boolean headOfGroup(Pattern<T, ?> pattern) {
        return group != null && pattern.getPrevious() == null;
    }

    Cond extendWithUntil(Cond condition, Cond until, boolean isTake) {
        if (until != null && condition != null) {
            return conds.and(conds.not(until), condition);
        } else if (until != null && isTake) {
            return conds.not(until);
        }
        return condition;
    }

    /** What a looping stage ignores between its own events. */
    Cond innerIgnore(Pattern<T, ?> pattern) {
        ConsumingStrategy strategy = pattern.getQuantifier().getInnerConsumingStrategy();
        if (headOfGroup(pattern)) {
            strategy = group.getQuantifier().getInnerConsumingStrategy();
        }
        return extendWithGroupUntil(ignoreFor(strategy, pattern), false);
    }

    /** What a stage ignores before its first event (its contiguity). */
    Cond ignore(Pattern<T, ?> pattern) {
        ConsumingStrategy strategy = pattern.getQuantifier().getConsumingStrategy();
        if (headOfGroup(pattern)) {
            strategy = groupFirstOfLoop()
                ? group.getQuantifier().getConsumingStrategy()
                : group.getQuantifier().getInnerConsumingStrategy();
        }
        return extendWithGroupUntil(ignoreFor(strategy, pattern), false);
    }

    private Cond ignoreFor(ConsumingStrategy strategy, Pattern<T, ?> pattern) {
        return switch (strategy) {
            case SKIP_TILL_NEXT -> conds.not(user(pattern.getCondition()));
            case SKIP_TILL_ANY -> conds.alwaysTrue;
            default -> null;
        };
    }

    private Cond extendWithGroupUntil(Cond condition, boolean isTake) {
        if (group != null && group.getUntilCondition() != null) {
            return extendWithUntil(condition, user(group.getUntilCondition()), isTake);
        }
        return condition;
    }

    Cond take(Pattern<T, ?> pattern) {
        return extendWithGroupUntil(user(pattern.getCondition()), true);
    }

    /** A PROCEED edge's condition: true, unless the group's until holds. */
    Cond alwaysTrue() {
        return extendWithGroupUntil(conds.alwaysTrue, true);
    }

    Cond until(Pattern<T, ?> pattern) {
        return pattern.getUntilCondition() == null ? null : user(pattern.getUntilCondition());
    }

    /** Splits where/or chains into nodes so that their simple parts are cached per event. */
    private Cond user(IterativeCondition<?> condition) {
        if (condition == null) {
            return conds.alwaysTrue;
        }
        if (condition instanceof AndCondition<?> and) {
            return conds.and(user(and.left()), user(and.right()));
        }
        if (condition instanceof OrCondition<?> or) {
            return conds.or(user(or.left()), user(or.right()));
        }
        return conds.user(condition, condition instanceof SimpleCondition<?>);
    }
}
