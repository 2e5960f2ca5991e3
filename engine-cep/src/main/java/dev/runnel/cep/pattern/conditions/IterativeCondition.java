package dev.runnel.cep.pattern.conditions;

import java.io.Serializable;

/**
 * A condition on an event that may look at the events the partial match being extended has already
 * taken ({@link Context#getEventsForPattern}). As in Flink CEP; implement it as an anonymous class or
 * a two-argument lambda.
 */
@FunctionalInterface
public interface IterativeCondition<T> extends Serializable {
    boolean filter(T value, Context<T> ctx) throws Exception;

    /** What a condition sees of the partial match it is evaluated for. */
    interface Context<T> {
        /** Events taken so far by the partial match for stage {@code name}, in order; empty if none. */
        Iterable<T> getEventsForPattern(String name) throws Exception;

        /** Timestamp of the event being evaluated. */
        long timestamp();

        long currentProcessingTime();
    }
}
