package dev.runnel.cep.pattern;

import dev.runnel.cep.pattern.Quantifier.ConsumingStrategy;
import dev.runnel.cep.pattern.conditions.IterativeCondition;
import dev.runnel.cep.pattern.conditions.SimpleCondition;

/**
 * A sequence of stages used as one stage, so that quantifiers apply to the whole sequence
 * ({@code Pattern.begin(Pattern)}, {@code next(Pattern)}, {@code followedBy(Pattern)}). Conditions
 * belong to the inner stages, never to the group: {@code where}, {@code or} and {@code subtype} throw
 * {@link UnsupportedOperationException} as in Flink. A looping group may have an {@code until}
 * condition, which stops the whole group.
 */
public final class GroupPattern<T, F extends T> extends Pattern<T, F> {
    private final Pattern<T, ? extends T> rawPattern;

    GroupPattern(Pattern<T, ? extends T> previous, Pattern<T, ? extends T> rawPattern, ConsumingStrategy strategy,
            AfterMatchSkipStrategy skip) {
        super(groupName(rawPattern), previous, strategy, skip);
        this.rawPattern = rawPattern;
    }

    private static String groupName(Pattern<?, ?> raw) {
        StringBuilder sb = new StringBuilder();
        for (Pattern<?, ?> p = raw; p != null; p = p.getPrevious()) {
            sb.insert(0, p.getName()).insert(0, sb.length() == 0 ? "" : " ");
        }
        return "group(" + sb.toString().trim().replace(' ', ',') + ")";
    }

    /** The last stage of the group's inner sequence. */
    public Pattern<T, ? extends T> getRawPattern() {
        return rawPattern;
    }

    @Override
    public Pattern<T, F> where(IterativeCondition<F> condition) {
        throw new UnsupportedOperationException("GroupPattern does not support where clause; put where() on its inner stages");
    }

    @Override
    public Pattern<T, F> where(SimpleCondition<F> condition) {
        throw new UnsupportedOperationException("GroupPattern does not support where clause; put where() on its inner stages");
    }

    @Override
    public Pattern<T, F> or(IterativeCondition<F> condition) {
        throw new UnsupportedOperationException("GroupPattern does not support or clause; put or() on its inner stages");
    }

    @Override
    public Pattern<T, F> or(SimpleCondition<F> condition) {
        throw new UnsupportedOperationException("GroupPattern does not support or clause; put or() on its inner stages");
    }

    @Override
    public <S extends F> Pattern<T, S> subtype(Class<S> subtypeClass) {
        throw new UnsupportedOperationException("GroupPattern does not support subtype clause; put subtype() on its inner stages");
    }

    @Override
    public Pattern<T, F> greedy() {
        throw malformed("greedy() is not supported on a group pattern; apply it to a looping inner stage");
    }
}
