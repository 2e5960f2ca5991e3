package dev.runnel.cep.pattern.conditions;

/** The event is an instance of a class ({@code Pattern.subtype}). */
public final class SubtypeCondition<T> implements SimpleCondition<T> {
    private final Class<?> subtype;

    public SubtypeCondition(Class<?> subtype) {
        this.subtype = subtype;
    }

    @Override
    public boolean filter(T value) {
        return subtype.isInstance(value);
    }
}
