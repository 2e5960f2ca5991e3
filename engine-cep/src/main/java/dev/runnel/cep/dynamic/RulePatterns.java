package dev.runnel.cep.dynamic;

import dev.runnel.cep.nfa.CompiledPattern;
import dev.runnel.cep.nfa.NfaCompiler;
import dev.runnel.cep.pattern.Pattern;
import java.util.Objects;

/**
 * Compiles the JSON pattern format (docs/dynamic-rules.md) for one event type: to a {@link Pattern}
 * (usable with the static {@code CEP.pattern} too) and on to the NFA. Each call builds new
 * conditions, so patterns compiled here share no mutable state.
 */
public final class RulePatterns<T> {
    private final EventFields<T> fields;
    private final CelConditions<T> conditions;

    private final ConditionMemo memo;

    private RulePatterns(EventFields<T> fields, ConditionMemo memo) {
        this.fields = Objects.requireNonNull(fields, "fields");
        this.memo = memo;
        this.conditions = new CelConditions<>(fields, memo);
    }

    /** For one operator instance: its rules share simple conditions' results per event (see {@link ConditionMemo}). */
    static <T> RulePatterns<T> forOperator(EventFields<T> fields) {
        return new RulePatterns<>(fields, new ConditionMemo());
    }

    /** Turns result sharing on while more than one rule is in force (with one, it would only cost). */
    void rulesInForce(int count) {
        if (memo != null) {
            memo.enabled = count > 1;
        }
    }

    public static <T> RulePatterns<T> forEvents(EventFields<T> fields) {
        return new RulePatterns<>(fields, null);
    }

    public static <T> RulePatterns<T> forEvents(Class<T> type) {
        return new RulePatterns<>(EventFields.of(type), null);
    }

    public EventFields<T> fields() {
        return fields;
    }

    /**
     * The pattern that {@code patternJson} describes.
     *
     * @throws IllegalArgumentException with the reason (the same text a {@link RuleError} carries)
     */
    public Pattern<T, T> parse(String patternJson) {
        try {
            Pattern<T, T> p = new PatternJson<>(conditions).read(patternJson);
            NfaCompiler.compile(p);
            return p;
        } catch (RuleCompileException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("pattern: " + e.getMessage(), e);
        }
    }

    /** The NFA of an enabled rule, or the reason it has none. */
    CompiledPattern compile(Rule rule) throws RuleCompileException {
        Pattern<T, T> p = new PatternJson<>(conditions).read(rule.pattern());
        try {
            return NfaCompiler.compile(p);
        } catch (RuntimeException e) { // MalformedPatternException and friends: what the static CEP.pattern would throw
            throw new RuleCompileException("pattern: " + e.getMessage());
        }
    }
}
