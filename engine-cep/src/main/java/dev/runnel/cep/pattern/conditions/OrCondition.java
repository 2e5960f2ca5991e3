package dev.runnel.cep.pattern.conditions;

/** Either condition holds ({@code or}). */
public final class OrCondition<T> implements IterativeCondition<T> {
    private final IterativeCondition<T> left;
    private final IterativeCondition<T> right;

    public OrCondition(IterativeCondition<T> left, IterativeCondition<T> right) {
        this.left = left;
        this.right = right;
    }

    public IterativeCondition<T> left() {
        return left;
    }

    public IterativeCondition<T> right() {
        return right;
    }

    @Override
    public boolean filter(T value, Context<T> ctx) throws Exception {
        return left.filter(value, ctx) || right.filter(value, ctx);
    }
}
