package dev.runnel.cep.pattern.conditions;

import dev.runnel.api.functions.FilterFunction;

/**
 * A condition that depends on the event alone. The matcher evaluates it at most once per event and
 * reuses the answer for every partial match, which is why simple conditions are much cheaper than
 * iterative ones on patterns with many open partial matches.
 */
@FunctionalInterface
public interface SimpleCondition<T> extends IterativeCondition<T> {
    boolean filter(T value) throws Exception;

    @Override
    default boolean filter(T value, Context<T> ctx) throws Exception {
        return filter(value);
    }

    static <T> SimpleCondition<T> of(FilterFunction<T> filter) {
        return filter::filter;
    }
}
